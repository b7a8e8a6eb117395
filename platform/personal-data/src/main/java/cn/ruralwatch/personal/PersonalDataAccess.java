package cn.ruralwatch.personal;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

/** Whether the caller sees personal numbers in full or masked, by role. */
@RequestScoped
public class PersonalDataAccess {

    @Inject
    SecurityIdentity identity;

    @Inject
    PersonalDataConfig config;

    /** Whether one of the caller's roles may see personal numbers in full. */
    public boolean fullView() {
        return config.fullViewRoles().stream().anyMatch(identity::hasRole);
    }

    /** The value as this caller may see it. */
    public String show(PersonalDataKind kind, String plaintext) {
        return fullView() ? plaintext : kind.mask(plaintext);
    }
}
