package io.goodword;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The dependency rules of docs/ARCHITECTURE.md, checked on the compiled main classes. The shared layers (web, db,
 * security, mail, media) know no feature; a feature may use the layers and the features it names below; only the
 * composition root (App, Routes) wires everything together and sees growth; and no two packages depend on each
 * other, directly or round a loop.
 *
 * <p>media is the image store: it imports no feature (only db's NotFound), and accounts (the logo), testimonials
 * (photos), case studies (covers) and data (export) use it, so it is checked as a shared layer, not as a feature.
 */
class ArchitectureTest {
    private static final List<String> FEATURES = List.of("account", "ask", "audit", "casestudy", "client", "data",
            "growth", "referral", "sitemap", "testimonial", "webhook");

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.goodword");

    @Test
    void the_shared_layers_know_no_feature() {
        noClasses().that().resideInAnyPackage("io.goodword.web..", "io.goodword.db..", "io.goodword.mail..",
                        "io.goodword.security..", "io.goodword.media..")
                .should().dependOnClassesThat().resideInAnyPackage(features())
                .check(MAIN);
    }

    @Test
    void testimonials_know_nothing_of_asking_referrals_case_studies_or_growth() {
        noClasses().that().resideInAPackage("io.goodword.testimonial..")
                .should().dependOnClassesThat().resideInAnyPackage("io.goodword.ask..", "io.goodword.referral..",
                        "io.goodword.casestudy..", "io.goodword.growth..")
                .check(MAIN);
    }

    @Test
    void accounts_know_no_other_feature() {
        noClasses().that().resideInAPackage("io.goodword.account..")
                .should().dependOnClassesThat().resideInAnyPackage(featuresBut("account"))
                .check(MAIN);
    }

    @Test
    void only_the_composition_root_sees_growth() {
        noClasses().that().resideOutsideOfPackages("io.goodword", "io.goodword.growth..")
                .should().dependOnClassesThat().resideInAPackage("io.goodword.growth..")
                .check(MAIN);
    }

    @Test
    void no_two_packages_depend_on_each_other() {
        // client -> ask was the last arrow let through: client now owns the CheckIns port that ask implements.
        slices().matching("io.goodword.(*)..").should().beFreeOfCycles().check(MAIN);
    }

    private static String[] features() { return featuresBut(""); }

    private static String[] featuresBut(String feature) {
        return FEATURES.stream().filter(f -> !f.equals(feature)).map(f -> "io.goodword." + f + "..").toArray(String[]::new);
    }
}
