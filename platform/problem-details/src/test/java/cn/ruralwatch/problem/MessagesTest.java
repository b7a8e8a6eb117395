package cn.ruralwatch.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Codes given to a message are written in words, in Chinese from the service's labels; unlabelled codes stay codes. */
class MessagesTest {

    enum Step {
        VISIT,
        NOTICE,
        DECISION
    }

    @Test
    void codesInAChineseMessageAreWrittenInWords() {
        assertEquals(
                "现在应办理入户核实，可办理：公示、DECISION",
                Messages.get(Messages.CHINESE, "test.step", Step.VISIT, List.of(Step.NOTICE, Step.DECISION)));
    }

    @Test
    void anEnglishMessageKeepsTheCodes() {
        assertEquals(
                "Next is VISIT; allowed: NOTICE, DECISION",
                Messages.get(Messages.ENGLISH, "test.step", Step.VISIT, List.of(Step.NOTICE, Step.DECISION)));
    }
}
