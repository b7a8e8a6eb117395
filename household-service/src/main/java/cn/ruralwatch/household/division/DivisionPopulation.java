package cn.ruralwatch.household.division;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/** 户籍人口, 农业户籍人口 and 户数 of a division at the end of a year. */
@Entity
@Table(name = "division_population")
public class DivisionPopulation {

    @EmbeddedId
    public Key key;

    @Column(name = "registered_population", nullable = false)
    public int registeredPopulation;

    @Column(name = "agricultural_population", nullable = false)
    public int agriculturalPopulation;

    @Column(nullable = false)
    public int households;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "updated_by", nullable = false)
    public String updatedBy;

    /** A division and a year. */
    @Embeddable
    public record Key(
            @Column(name = "division_code") String divisionCode,
            @Column(name = "year") int year) implements Serializable {}
}
