package cn.ruralwatch.fund.project;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a project builds or supports; {@link #INDUSTRY} counts towards the industry-development share. */
@Schema(description = "项目类型")
public enum ProjectType {
    /** 产业发展 */
    INDUSTRY,
    /** 基础设施（屯级道路、桥梁等） */
    INFRASTRUCTURE,
    /** 就业帮扶 */
    EMPLOYMENT,
    /** 教育（雨露计划等） */
    EDUCATION,
    /** 住房保障 */
    HOUSING,
    /** 饮水安全 */
    DRINKING_WATER,
    /** 人居环境 */
    VILLAGE_ENVIRONMENT,
    /** 其他 */
    OTHER
}
