package io.packetwalk.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The simulator core is plain Java: no Spring, no Jackson, no Jakarta, and it does not know the
 * server around it. The server's two front doors, {@code stream} (WebSocket) and {@code web}
 * (HTTP), do not reach into each other.
 */
@AnalyzeClasses(packages = "io.packetwalk", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  private static final String[] CORE = {
    "io.packetwalk.net..",
    "io.packetwalk.kernel..",
    "io.packetwalk.engine..",
    "io.packetwalk.agent..",
    "io.packetwalk.trace..",
    "io.packetwalk.shell..",
    "io.packetwalk.lab.."
  };

  @ArchTest
  static final ArchRule engineDoesNotKnowItsAgents =
      noClasses()
          .that()
          .resideInAPackage("io.packetwalk.engine..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("io.packetwalk.agent..")
          .because("agents are programs on top of the process model, as flanneld is on Linux");

  @ArchTest
  static final ArchRule coreDependsOnNoFramework =
      noClasses()
          .that()
          .resideInAnyPackage(CORE)
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "org.springframework..", "com.fasterxml..", "tools.jackson..", "jakarta..")
          .because("the simulator core is plain Java (DESIGN.md, STYLE.md item 8)");

  @ArchTest
  static final ArchRule coreDoesNotKnowTheServer =
      noClasses()
          .that()
          .resideInAnyPackage(CORE)
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("io.packetwalk.stream..", "io.packetwalk.web..")
          .because("data flows one way: the server wraps the core");

  @ArchTest
  static final ArchRule streamDoesNotUseWeb =
      noClasses()
          .that()
          .resideInAPackage("io.packetwalk.stream..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("io.packetwalk.web..");

  @ArchTest
  static final ArchRule streamDoesNotKnowTheSavedLabs =
      noClasses()
          .that()
          .resideInAPackage("io.packetwalk.stream..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("io.packetwalk.share..")
          .because("saved labs plug into the lab protocol through stream's SavedLabs interface");

  @ArchTest
  static final ArchRule webDoesNotUseStream =
      noClasses()
          .that()
          .resideInAPackage("io.packetwalk.web..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("io.packetwalk.stream..");

  @ArchTest
  static final ArchRule protocolRecordsDoNotKnowTheKernel =
      noClasses()
          .that()
          .resideInAPackage("io.packetwalk.stream.protocol..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "io.packetwalk.kernel..",
              "io.packetwalk.engine..",
              "io.packetwalk.trace..",
              "io.packetwalk.shell..",
              "org.springframework..")
          .because("the protocol is data; the stream package maps the core onto it");
}
