package cn.ruralwatch.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** {@code pv-station.registered.v1}: a village PV station 村级光伏电站 was registered. Key: the station id. */
public record PvStationRegistered(
        String stationId,
        String countyCode,
        String villageCode,
        String name,
        BigDecimal capacityKw,
        LocalDate connectedOn,
        Instant registeredAt)
        implements FundEvent {}
