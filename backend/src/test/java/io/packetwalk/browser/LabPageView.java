package io.packetwalk.browser;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * What several browser tests read and do on the lab page: the event list and its current row, the
 * neighbour table, the canvas stage (in stage pixels) and its namespace boxes, saving the lab, real
 * mouse clicks.
 */
final class LabPageView {

  private final HeadlessChromium chromium;

  LabPageView(HeadlessChromium chromium) {
    this.chromium = chromium;
  }

  /** The event list's rows, one a trace step. */
  List<WebElement> rows() {
    return chromium.findAll(By.cssSelector("#event-list li.event"));
  }

  /** Waits until row {@code index} is the player's current step. */
  void currentIs(int index) {
    chromium.until(driver -> {
      List<WebElement> rows = rows();
      return index < rows.size() && rows.get(index).getDomAttribute("class").contains("current");
    });
  }

  /** The state panel's neighbour rows, as shown. */
  List<String> neighbourRows() {
    return chromium.findAll(By.cssSelector("#state-neighbours li .state-text")).stream()
        .map(WebElement::getText)
        .toList();
  }

  static List<String> attributes(List<WebElement> elements, String name) {
    return elements.stream().map(element -> element.getDomAttribute(name)).toList();
  }

  /** Saves the open lab as it is (Ctrl+S, then Save in the dialog) and waits for its links. */
  void saveAsIs() {
    chromium.find(By.tagName("body")).sendKeys(Keys.chord(Keys.CONTROL, "s"));
    chromium.until(ExpectedConditions.visibilityOfElementLocated(By.id("save-confirm")));
    chromium.find(By.id("save-confirm")).click();
    chromium.until(ExpectedConditions.visibilityOfElementLocated(By.id("view-link")));
  }

  /** A real mouse click on {@code element}. */
  void click(WebElement element) {
    new Actions(chromium.driver()).moveToElement(element).click().perform();
  }

  WebElement stage() {
    return chromium.find(By.cssSelector(".canvas-stage"));
  }

  /** Selenium moves relative to an element's centre; these turn stage pixels into such offsets. */
  int offsetX(double x) {
    return (int) Math.round(x - stage().getRect().getWidth() / 2.0);
  }

  int offsetY(double y) {
    return (int) Math.round(y - stage().getRect().getHeight() / 2.0);
  }

  /** Waits until the canvas draws the namespace box {@code key} ({@code host/netns}). */
  void boxAppears(String key) {
    chromium.until(driver -> hasBox(key));
  }

  boolean hasBox(String key) {
    return (Boolean)
        chromium.execute(
            "return Konva.stages[0].find('.namespace-box')"
                + ".some(n => n.getAttr('nsKey') === arguments[0]);",
            key);
  }
}
