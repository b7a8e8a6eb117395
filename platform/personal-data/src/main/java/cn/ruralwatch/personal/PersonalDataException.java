package cn.ruralwatch.personal;

/** A value cannot be protected or read back: a key is missing or wrong, or a stored value was altered. */
public class PersonalDataException extends RuntimeException {

    public PersonalDataException(String message) {
        super(message);
    }

    public PersonalDataException(String message, Throwable cause) {
        super(message, cause);
    }
}
