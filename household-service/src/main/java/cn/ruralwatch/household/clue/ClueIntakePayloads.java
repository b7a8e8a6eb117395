package cn.ruralwatch.household.clue;

import cn.ruralwatch.events.Topics;
import cn.ruralwatch.messaging.PayloadProtection;
import cn.ruralwatch.personal.PersonalDataKind;
import cn.ruralwatch.personal.PersonalDataProtector;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * A warning clue from another system names the person by ID number: when one is parked as a dead letter, its payload
 * is kept encrypted like every other personal number of household-service. The suite's own events carry none and
 * stay as they came.
 */
@ApplicationScoped
public class ClueIntakePayloads implements PayloadProtection {

    @Inject
    PersonalDataProtector protector;

    @Override
    public String protect(String topic, String payload) {
        return Topics.CLUE_INTAKE.equals(topic) ? protector.encrypt(PersonalDataKind.DOCUMENT, payload) : payload;
    }

    @Override
    public String reveal(String topic, String stored) {
        return Topics.CLUE_INTAKE.equals(topic) ? protector.decrypt(PersonalDataKind.DOCUMENT, stored) : stored;
    }
}
