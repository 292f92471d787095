/**
 * Tests and the frame-time benchmark that drive the lab page in real headless Chromium against a
 * real server; {@link io.packetwalk.browser.HeadlessChromium} starts and stops the browser for
 * them.
 */
package io.packetwalk.browser;
