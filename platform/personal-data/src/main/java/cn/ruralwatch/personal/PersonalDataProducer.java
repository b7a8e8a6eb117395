package cn.ruralwatch.personal;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The service's {@link PersonalDataProtector}, built and checked when the application starts. */
@ApplicationScoped
public class PersonalDataProducer {

    @Produces
    @Singleton
    @Startup
    PersonalDataProtector protector(PersonalDataConfig config) {
        return PersonalDataProtector.of(config.mode(), config.keys(), config.encryptionKey(), config.lookupKey());
    }
}
