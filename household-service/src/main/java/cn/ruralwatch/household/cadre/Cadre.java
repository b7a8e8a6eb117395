package cn.ruralwatch.household.cadre;

import cn.ruralwatch.household.household.PersonalNumberColumns;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A 帮扶责任人 or 帮扶联系人 of the roster: who they are, where they work and the township or village they serve. */
@Entity
@Table(name = "cadre")
public class Cadre {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String name;

    /** 工作单位 */
    @Column(nullable = false)
    public String unit;

    public String position;

    /** 联系电话; stored encrypted ({@link PersonalNumberColumns}), shown by role like the households'. */
    @Convert(converter = PersonalNumberColumns.Phone.class)
    @Column(name = "phone_cipher", nullable = false)
    public String phone;

    /** The township or village served. */
    @Column(name = "division_code", nullable = false)
    public String divisionCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CadreKind kind;

    @Column(nullable = false)
    public boolean active = true;

    @Column(name = "left_on")
    public LocalDate leftOn;

    @Column(name = "left_reason")
    public String leftReason;

    @Column(name = "registered_by", nullable = false)
    public String registeredBy;

    @Column(name = "registered_at", nullable = false)
    public Instant registeredAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    /** Whether the cadre's township or village holds the household's village. */
    public boolean serves(String villageCode) {
        return villageCode != null && villageCode.startsWith(divisionCode);
    }
}
