package cn.ruralwatch.household.household;

import cn.ruralwatch.http.RequestFingerprint;
import cn.ruralwatch.personal.PersonalDataProtector;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Registrations carry ID, phone and bank numbers: their retry is recognised by a keyed digest. */
@ApplicationScoped
public class KeyedRequestFingerprint implements RequestFingerprint {

    @Inject
    PersonalDataProtector protector;

    @Override
    public String of(String canonicalJson) {
        return protector.documentDigest(canonicalJson);
    }
}
