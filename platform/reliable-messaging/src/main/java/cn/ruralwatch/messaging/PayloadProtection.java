package cn.ruralwatch.messaging;

/**
 * How a dead letter's payload is stored. Events between the suite's services carry no personal numbers, but a topic
 * fed by other government systems may (a warning clue names the person by ID number): a service consuming such a
 * topic provides a bean that encrypts those payloads like its other personal data.
 */
public interface PayloadProtection {

    /** The form of the payload kept in {@code dead_letter.payload}. */
    String protect(String topic, String payload);

    /** The payload as received, from its kept form. */
    String reveal(String topic, String stored);

    /** Payloads kept as received: for topics without personal data. */
    PayloadProtection NONE = new PayloadProtection() {
        @Override
        public String protect(String topic, String payload) {
            return payload;
        }

        @Override
        public String reveal(String topic, String stored) {
            return stored;
        }
    };
}
