-- 自然增减: the members who joined a household by birth, marriage or moving in, and left it by death, marriage or moving
-- out, each with the day it took effect and what the household was at that moment (建档立卡 poverty status, monitoring),
-- from member.added.v1 and member.removed.v1. Restructuring (分户, 合户) and enlistment are not natural changes.
create table report_member_change (
    household_id   uuid        not null,
    member_id      uuid        not null,
    village_code   varchar(12) not null,
    change         varchar(20) not null,
    increase       boolean     not null,
    effective_on   date        not null,
    poverty_status varchar(20),
    monitored      boolean     not null,
    primary key (household_id, member_id, change, effective_on)
);
create index report_member_change_village on report_member_change (village_code text_pattern_ops, effective_on);
