package io.packetwalk;

import io.packetwalk.shell.RunCli;
import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Starts the Packetwalk server on port 8080, or with {@code run [--json] SCRIPT} runs a command
 * script in a fresh simulated world and exits, without starting the server.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class PacketwalkApplication {

  public static void main(String[] args) {
    if (args.length > 0 && args[0].equals("run")) {
      System.exit(RunCli.run(Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
    }
    SpringApplication.run(PacketwalkApplication.class, args);
  }
}
