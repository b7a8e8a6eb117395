package cn.ruralwatch.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The labels of coded values: keyed by the name the type has in the OpenAPI document, read from every module of the
 * application, written into the document's enumeration schemas.
 */
class CodeLabelsTest {

    enum Step {
        VISIT
    }

    @Schema(name = "DeadLetterState")
    enum State {
        PARKED
    }

    @TempDir
    Path folders;

    @Test
    void aTypeIsKnownByItsSchemaNameElseByItsSimpleName() {
        assertEquals("DeadLetterState", CodeLabels.tableName(State.class));
        assertEquals("Step", CodeLabels.tableName(Step.class));
    }

    @Test
    void everyModuleBringsItsOwnLabelsAndTheFirstChineseLabelIsTheOneShown() throws Exception {
        Path service = module("service", "Relation.SON=之子|子\n", "Relation.SON=Son\n");
        Path platform = module("platform", "DeadLetterState.PARKED=待处理\n", "DeadLetterState.PARKED=Parked\n");

        try (URLClassLoader loader = loader(service, platform)) {
            CodeLabels labels = CodeLabels.of(loader);
            assertEquals(Optional.of("之子"), labels.chinese("Relation", "SON"));
            assertEquals(List.of("之子", "子"), labels.chineseLabels("Relation", "SON"));
            assertEquals(Optional.of("Son"), labels.english("Relation", "SON"));
            assertEquals(Optional.of("待处理"), labels.label(Messages.CHINESE, State.PARKED));
            assertEquals(Optional.of("Parked"), labels.label(Messages.ENGLISH, State.PARKED));
            assertEquals(Optional.empty(), labels.english("Relation", "DAUGHTER"));
            assertEquals(List.of(), labels.chineseLabels("Relation", "DAUGHTER"));
        }
    }

    @Test
    void aCodeLabelledDifferentlyByTwoModulesIsAnError() throws Exception {
        Path one = module("one", "PovertyStatus.EXITED=脱贫户\n", "");
        Path other = module("other", "PovertyStatus.EXITED=已脱贫\n", "");

        try (URLClassLoader loader = loader(one, other)) {
            IllegalStateException error = assertThrows(IllegalStateException.class, () -> CodeLabels.of(loader));
            assertTrue(error.getMessage().contains("PovertyStatus.EXITED"), error.getMessage());
        }
    }

    @Test
    void anEnumerationSchemaGetsBothLabelsOfEachValueInTheOrderOfItsValues() throws Exception {
        Path service = module(
                "labelled",
                "Relation.SON=之子|子\nRelation.HEAD=户主\n",
                "Relation.SON=Son\nRelation.HEAD=Head of household\n");
        var relation =
                OASFactory.createSchema().addType(SchemaType.STRING).enumeration(List.of("HEAD", "SON", "OTHER"));
        var household = OASFactory.createSchema().addType(SchemaType.OBJECT);

        try (URLClassLoader loader = loader(service)) {
            CodeLabelsDocument.label(CodeLabels.of(loader), "Relation", relation);
            CodeLabelsDocument.label(CodeLabels.of(loader), "Household", household);
        }

        @SuppressWarnings("unchecked")
        var labels = (java.util.Map<String, java.util.Map<String, String>>)
                relation.getExtensions().get(CodeLabelsDocument.EXTENSION);
        assertEquals(List.of("zh", "en"), List.copyOf(labels.keySet()));
        assertEquals(List.of("HEAD", "SON"), List.copyOf(labels.get("zh").keySet()));
        assertEquals("之子", labels.get("zh").get("SON"));
        assertEquals("Head of household", labels.get("en").get("HEAD"));
        // a value without labels has none, which the services' tests report
        assertTrue(!labels.get("en").containsKey("OTHER"));
        assertTrue(
                household.getExtensions() == null || household.getExtensions().isEmpty());
    }

    private Path module(String name, String chinese, String english) throws IOException {
        Path i18n = Files.createDirectories(folders.resolve(name).resolve("i18n"));
        Files.writeString(i18n.resolve("labels.properties"), chinese);
        Files.writeString(i18n.resolve("labels_en.properties"), english);
        return folders.resolve(name);
    }

    private static URLClassLoader loader(Path... modules) throws IOException {
        URL[] urls = new URL[modules.length];
        for (int i = 0; i < modules.length; i++) {
            urls[i] = modules[i].toUri().toURL();
        }
        // no parent's resources: only the modules given
        return new URLClassLoader(urls, null);
    }
}
