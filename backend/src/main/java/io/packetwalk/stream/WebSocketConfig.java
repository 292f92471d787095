package io.packetwalk.stream;

import io.packetwalk.system.LimitsProperties;
import io.packetwalk.system.SimulationSlots;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;

/** Serves the lab protocol at {@code /ws}; every new lab starts from the built-in lab. */
@Configuration(proxyBeanMethods = false)
@EnableWebSocket
class WebSocketConfig implements WebSocketConfigurer {

  static final String PATH = "/ws";

  private final LabServer server;

  WebSocketConfig(LabServer server) {
    this.server = server;
  }

  @Bean(destroyMethod = "close")
  static LabServer labServer(
      SimulationSlots slots, LimitsProperties limits, StreamProperties properties) {
    return new LabServer(
        BuiltInLab.load(BuiltInLab.DEFAULT_RESOURCE), slots, limits.runLimits(), properties);
  }

  @Override
  public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
    registry.addHandler(new LabSocketHandler(server), PATH);
  }
}
