package org.civic311.server;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Dependencies point one way: command -> app -> web -> domain -> storage; georeport knows none;
 * the client knows only georeport.
 * {@code mail} implements a domain interface and only the app picks it.
 */
class ArchitectureTest {
  static final JavaClasses CLASSES = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("org.civic311");

  @Test
  void layersDependOnlyDownwards() {
    layeredArchitecture().consideringOnlyDependenciesInLayers()
        .layer("command").definedBy("org.civic311.server.command..")
        .layer("app").definedBy("org.civic311.server.app..")
        .layer("web").definedBy("org.civic311.server.web..")
        .layer("mail").definedBy("org.civic311.server.mail..")
        .layer("domain").definedBy("org.civic311.server.domain..")
        .layer("storage").definedBy("org.civic311.server.storage..")
        .layer("config").definedBy("org.civic311.server.config..")
        .whereLayer("command").mayNotBeAccessedByAnyLayer()
        .whereLayer("app").mayOnlyBeAccessedByLayers("command")
        .whereLayer("web").mayOnlyBeAccessedByLayers("app")
        .whereLayer("mail").mayOnlyBeAccessedByLayers("app")
        .whereLayer("domain").mayOnlyBeAccessedByLayers("web", "mail", "app", "command")
        .whereLayer("storage").mayOnlyBeAccessedByLayers("domain", "web", "app", "command")
        .whereLayer("config").mayOnlyBeAccessedByLayers("app", "command")
        .check(CLASSES);
  }

  @Test
  void theProtocolLibraryKnowsNothingOfTheApplication() {
    noClasses().that().resideInAPackage("org.civic311.georeport..")
        .should().dependOnClassesThat().resideInAnyPackage("org.civic311.server..", "org.civic311.client..",
            "org.eclipse.jetty..", "java.sql..", "org.jdbi..")
        .check(CLASSES);
  }

  /** The client is georeport plus java.net.http (its pom's enforcer rule keeps its dependencies so). */
  @Test
  void theClientKnowsNothingOfTheServer() {
    noClasses().that().resideInAPackage("org.civic311.client..")
        .should().dependOnClassesThat().resideInAnyPackage("org.civic311.server..", "org.eclipse.jetty..",
            "java.sql..", "org.jdbi..", "picocli..", "org.slf4j..")
        .check(CLASSES);
  }

  /** Outside calls to other Open311 servers start in commands or the domain, never in web or storage. */
  @Test
  void webAndStorageDoNotCallOtherServers() {
    noClasses().that().resideInAnyPackage("org.civic311.server.web..", "org.civic311.server.storage..")
        .should().dependOnClassesThat().resideInAPackage("org.civic311.client..")
        .check(CLASSES);
  }

  @Test
  void onlyTheSqlPackageTouchesJdbcAndDatabaseLibraries() {
    noClasses().that().resideOutsideOfPackages("org.civic311.server.storage.sql..")
        .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "org.jdbi..", "org.flywaydb..",
            "org.sqlite..", "com.zaxxer..", "org.postgresql..")
        .check(CLASSES);
  }

  @Test
  void onlyTheMailPackageTouchesTheMailLibrary() {
    noClasses().that().resideOutsideOfPackages("org.civic311.server.mail..")
        .should().dependOnClassesThat().resideInAnyPackage("jakarta.mail..", "org.eclipse.angus..")
        .check(CLASSES);
  }

  @Test
  void theDomainKnowsNothingOfHttp() {
    noClasses().that().resideInAnyPackage("org.civic311.server.domain..", "org.civic311.server.storage..")
        .should().dependOnClassesThat().resideInAnyPackage("org.eclipse.jetty..", "org.civic311.server.web..")
        .check(CLASSES);
  }
}
