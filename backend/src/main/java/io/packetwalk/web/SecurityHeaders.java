package io.packetwalk.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The security headers of every response, in one place: a Content-Security-Policy that lets the
 * page load and connect only to its own origin, {@code nosniff}, no referrer, and no framing. The
 * policy is chosen by path: the read-only embed pages ({@code /embed/}) may be framed by any site,
 * and the link preview pictures ({@code /preview/}) may be shown by any site; every other response
 * refuses both.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
final class SecurityHeaders extends OncePerRequestFilter {

  /**
   * What one group of paths sends; {@code frameOptions} null sends no X-Frame-Options, {@code
   * resourcePolicy} is the Cross-Origin-Resource-Policy.
   */
  record Policy(
      String pathPrefix,
      String contentSecurityPolicy,
      String frameOptions,
      String resourcePolicy) {}

  private static final String OWN_ORIGIN =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
          + " connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none';"
          + " form-action 'self'; ";

  static final String SELF_ONLY = OWN_ORIGIN + "frame-ancestors 'none'";

  /** The embed page's: the same as every page's, but any site may put it in an iframe. */
  static final String FRAMED_ANYWHERE = OWN_ORIGIN + "frame-ancestors *";

  /** The first policy whose prefix the request path starts with applies. */
  static final List<Policy> POLICIES =
      List.of(
          new Policy("/embed/", FRAMED_ANYWHERE, null, "cross-origin"),
          new Policy("/preview/", SELF_ONLY, "DENY", "cross-origin"),
          new Policy("/", SELF_ONLY, "DENY", "same-origin"));

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Policy policy = policyFor(request.getRequestURI());
    response.setHeader("Content-Security-Policy", policy.contentSecurityPolicy());
    if (policy.frameOptions() != null) {
      response.setHeader("X-Frame-Options", policy.frameOptions());
    }
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("Referrer-Policy", "no-referrer");
    response.setHeader("Cross-Origin-Opener-Policy", "same-origin");
    response.setHeader("Cross-Origin-Resource-Policy", policy.resourcePolicy());
    chain.doFilter(request, response);
  }

  static Policy policyFor(String path) {
    return POLICIES.stream()
        .filter(p -> path != null && path.startsWith(p.pathPrefix()))
        .findFirst()
        .orElse(POLICIES.getLast());
  }
}
