package io.packetwalk.stream;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;

/** Serves the lab protocol at {@code /ws}; every connection starts from the built-in lab. */
@Configuration(proxyBeanMethods = false)
@EnableWebSocket
class WebSocketConfig implements WebSocketConfigurer {

  static final String PATH = "/ws";

  @Override
  public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
    registry.addHandler(new LabSocketHandler(BuiltInLab.load(BuiltInLab.DEFAULT_RESOURCE)), PATH);
  }
}
