package io.packetwalk.stream;

import io.packetwalk.system.LimitsProperties;
import io.packetwalk.system.SimulationSlots;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import org.springframework.web.socket.server.standard.ServletServerContainerFactoryBean;

/** Serves the lab protocol at {@code /ws}; every new lab starts from the built-in lab. */
@Configuration(proxyBeanMethods = false)
@EnableWebSocket
class WebSocketConfig implements WebSocketConfigurer {

  static final String PATH = "/ws";

  /** Bytes a connection buffers of an incoming message before handing on a fragment. */
  static final int MESSAGE_BUFFER_BYTES = 2048;

  private final LabServer server;

  WebSocketConfig(LabServer server) {
    this.server = server;
  }

  @Bean(destroyMethod = "close")
  static LabServer labServer(
      SimulationSlots slots,
      LimitsProperties limits,
      StreamProperties properties,
      ObjectProvider<SavedLabs> savedLabs,
      ObjectProvider<LiveLog> liveLog,
      ObjectProvider<LiveBus> liveBus) {
    return new LabServer(
        LabCatalog.load(),
        savedLabs.getIfAvailable(() -> SavedLabs.NONE),
        liveLog.getIfAvailable(MemoryLiveLog::new),
        liveBus.getIfAvailable(LocalLiveBus::new),
        slots,
        limits.runLimits(),
        properties);
  }

  /**
   * Small per-connection buffers: client messages are a few hundred bytes, and longer ones arrive
   * as fragments that {@link LabConnection} joins, so each idle connection costs kilobytes less.
   */
  @Bean
  static ServletServerContainerFactoryBean webSocketContainer() {
    ServletServerContainerFactoryBean container = new ServletServerContainerFactoryBean();
    container.setMaxTextMessageBufferSize(MESSAGE_BUFFER_BYTES);
    container.setMaxBinaryMessageBufferSize(MESSAGE_BUFFER_BYTES);
    return container;
  }

  @Override
  public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
    registry.addHandler(new LabSocketHandler(server), PATH);
  }
}
