package io.packetwalk.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps other web sites from spending this server's work through a visitor's browser. A request
 * with an {@code Origin} header that is not a well-formed origin is refused (400); a request that
 * costs work — any POST under {@code /api} and the WebSocket handshake — from another origin is
 * refused (403); and a POST under {@code /api} must carry {@value #HEADER}{@code : 1}, a header a
 * browser sends cross-origin only after a preflight this server never grants. Refusals are JSON
 * {@code {error, message}}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
final class OriginGuard extends OncePerRequestFilter {

  static final String HEADER = "X-Packetwalk";

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String origin = request.getHeader("Origin");
    boolean costly = isApiPost(request) || isWebSocketHandshake(request);
    if (origin != null && origin.equals("null")) {
      if (costly) {
        refuse(
            response,
            HttpStatus.FORBIDDEN,
            "CROSS_ORIGIN",
            "Requests from an opaque origin (Origin: null, e.g. a sandboxed frame or a file) are"
                + " refused: this server accepts work only from its own pages.");
        return;
      }
    } else if (origin != null) {
      URI parsed = parseOrigin(origin);
      if (parsed == null) {
        refuse(
            response,
            HttpStatus.BAD_REQUEST,
            "BAD_ORIGIN",
            "The Origin header is not an origin (scheme://host[:port]); send the page's own origin"
                + " or none.");
        return;
      }
      if (costly && !sameOrigin(parsed, request)) {
        refuse(
            response,
            HttpStatus.FORBIDDEN,
            "CROSS_ORIGIN",
            "Requests from another site are refused: this server accepts work only from its own"
                + " pages and from clients that send no Origin header.");
        return;
      }
    }
    if (isApiPost(request) && !"1".equals(request.getHeader(HEADER))) {
      refuse(
          response,
          HttpStatus.FORBIDDEN,
          "MISSING_HEADER",
          "POST requests under /api must carry the header \""
              + HEADER
              + ": 1\" (with curl: -H '"
              + HEADER
              + ": 1'), so that no other site can send them from a visitor's browser.");
      return;
    }
    chain.doFilter(request, response);
  }

  private static boolean isApiPost(HttpServletRequest request) {
    return "POST".equals(request.getMethod()) && request.getRequestURI().startsWith("/api/");
  }

  private static boolean isWebSocketHandshake(HttpServletRequest request) {
    String upgrade = request.getHeader("Upgrade");
    return upgrade != null && upgrade.equalsIgnoreCase("websocket");
  }

  /** The origin as a URI, or null when it is not {@code http(s)://host[:port]}. */
  static URI parseOrigin(String origin) {
    if (origin.length() > 2048) {
      return null;
    }
    try {
      URI uri = new URI(origin);
      boolean bare =
          uri.getScheme() != null
              && uri.getHost() != null
              && uri.getRawUserInfo() == null
              && (uri.getRawPath() == null || uri.getRawPath().isEmpty())
              && uri.getRawQuery() == null
              && uri.getRawFragment() == null;
      String scheme = bare ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
      return bare && (scheme.equals("http") || scheme.equals("https")) ? uri : null;
    } catch (URISyntaxException e) {
      return null;
    }
  }

  private static boolean sameOrigin(URI origin, HttpServletRequest request) {
    return origin.getScheme().equalsIgnoreCase(request.getScheme())
        && origin.getHost().equalsIgnoreCase(request.getServerName())
        && port(origin.getPort(), origin.getScheme()) == request.getServerPort();
  }

  private static int port(int port, String scheme) {
    if (port != -1) {
      return port;
    }
    return scheme.equalsIgnoreCase("https") ? 443 : 80;
  }

  private static void refuse(
      HttpServletResponse response, HttpStatus status, String code, String message)
      throws IOException {
    response.setStatus(status.value());
    response.setContentType("application/json");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.getWriter().write(ApiError.json(code, message));
  }
}
