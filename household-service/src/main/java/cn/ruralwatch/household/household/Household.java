package cn.ruralwatch.household.household;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A household 农户 registered in a village. */
@Entity
@Table(name = "household")
public class Household {

    @Id
    public UUID id;

    @Column(name = "village_code", nullable = false)
    public String villageCode;

    @Column(name = "registered_at", nullable = false)
    public Instant registeredAt;

    /** 联系电话, encrypted. */
    @Column(name = "phone_cipher")
    public String phoneCipher;

    /** 一卡通银行账号 subsidies are paid into, encrypted. */
    @Column(name = "bank_account_cipher")
    public String bankAccountCipher;

    @Version
    public long version;

    @OneToMany(mappedBy = "household", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    public List<Member> members = new ArrayList<>();

    public void addMember(Member member) {
        member.household = this;
        member.position = members.size();
        members.add(member);
    }

    public Member head() {
        return members.stream()
                .filter(m -> m.relation == Relation.HEAD)
                .findFirst()
                .orElseThrow();
    }
}
