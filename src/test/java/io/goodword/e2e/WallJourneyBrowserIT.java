package io.goodword.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.goodword.support.Images;
import io.goodword.support.AppExtension;
import io.goodword.support.Browser;
import io.goodword.support.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

class WallJourneyBrowserIT {
    @RegisterExtension
    static final AppExtension app = new AppExtension();

    private static void submit(WebDriver d, String slug, int stars, String body, String name, Path photo) throws InterruptedException {
        d.get(app.url("/p/" + slug + "/review"));
        d.findElement(By.cssSelector("label[for=f-rating-" + stars + "]")).click();
        d.findElement(By.id("f-body")).sendKeys(body);
        d.findElement(By.id("f-name")).sendKeys(name);
        d.findElement(By.cssSelector("details.more-details > summary")).click(); // a phone folds the details away
        d.findElement(By.id("f-company")).sendKeys("Browser Co");
        if (photo != null) d.findElement(By.id("f-photo")).sendKeys(photo.toAbsolutePath().toString());
        d.findElement(By.id("f-consentPublish")).click();
        d.findElement(By.id("f-consentShowPhoto")).click();
        Thread.sleep(3_200); // a person takes a moment; the form refuses submissions faster than 3 s
        io.goodword.support.Browser.clickAndLoad(d, d.findElement(By.cssSelector("form button[type=submit]")));
        new WebDriverWait(d, Duration.ofSeconds(10)).until(x -> x.getCurrentUrl().endsWith("/review/thanks"));
    }

    private static void moderate(WebDriver d, String name, String... actions) {
        d.get(app.url("/admin/testimonials"));
        io.goodword.support.Browser.clickAndLoad(d, d.findElement(By.linkText(name)));
        for (String action : actions) {
            io.goodword.support.Browser.clickAndLoad(d, d.findElement(By.xpath("//form[input[@name='action' and @value='" + action + "']]/button")));
            assertThat(d.findElement(By.cssSelector(".flash")).getText()).isNotBlank();
        }
    }

    @Test
    void client_submits_with_photo_freelancer_approves_and_features_it_shows_on_wall_and_widget_rejected_never() throws Exception {
        Fixtures.Freelancer f = Fixtures.freelancer();
        Path photo = Files.createTempFile(Path.of("target").toAbsolutePath(), "face", ".png");
        Files.write(photo, Images.png(640, 480, null));
        ChromeDriver d = Browser.start(390, 844); // a phone
        try {
            submit(d, f.slug(), 5, "The new booking site doubled our enquiries within a month.", "Browser Betty", photo);
            assertThat(d.findElement(By.tagName("h1")).getText()).isEqualTo("Thank you!");
            submit(d, f.slug(), 1, "I would rather this were never published anywhere at all.", "Grumpy Gus", null);

            d.get(app.url("/login"));
            d.findElement(By.id("f-username")).sendKeys(f.email());
            d.findElement(By.id("f-password")).sendKeys(Fixtures.PASSWORD);
            io.goodword.support.Browser.clickAndLoad(d, d.findElement(By.cssSelector("form button[type=submit]")));
            new WebDriverWait(d, Duration.ofSeconds(10)).until(x -> x.getCurrentUrl().endsWith("/admin"));

            moderate(d, "Browser Betty", "approve", "feature");
            moderate(d, "Grumpy Gus", "reject");

            d.get(app.url("/p/" + f.slug()));
            List<WebElement> cards = d.findElements(By.cssSelector(".tcard"));
            assertThat(cards).hasSize(1);
            assertThat(cards.get(0).getAttribute("class")).contains("featured");
            assertThat(cards.get(0).getText()).contains("The new booking site doubled our enquiries").contains("Browser Betty");
            WebElement img = cards.get(0).findElement(By.cssSelector("img.tphoto"));
            assertThat((Long) d.executeScript("return arguments[0].naturalWidth", img)).isEqualTo(256L);
            assertThat(d.getPageSource()).doesNotContain("Grumpy Gus");

            d.get(app.url("/embed/" + f.slug() + "?layout=grid"));
            assertThat(d.findElement(By.cssSelector(".tcard .tname")).getText()).isEqualTo("Browser Betty");
            assertThat(d.getPageSource()).doesNotContain("Grumpy Gus");

            // the loader on another page inserts the iframe and fits its height to the widget
            // ... served by another web server (another origin), as a client's website would be
            byte[] hostPage = ("<!doctype html><html><body><h1>Host</h1><script src=\"" + app.url("/embed/" + f.slug() + ".js")
                    + "\" data-layout=\"list\"></script></body></html>").getBytes(java.nio.charset.StandardCharsets.UTF_8);
            com.sun.net.httpserver.HttpServer host = com.sun.net.httpserver.HttpServer.create(
                    new java.net.InetSocketAddress("127.0.0.1", 0), 0);
            host.createContext("/", x -> {
                x.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
                x.sendResponseHeaders(200, hostPage.length);
                x.getResponseBody().write(hostPage);
                x.close();
            });
            host.start();
            try {
                d.get("http://127.0.0.1:" + host.getAddress().getPort() + "/");
                WebElement frame = new WebDriverWait(d, Duration.ofSeconds(10)).until(x -> x.findElement(By.tagName("iframe")));
                new WebDriverWait(d, Duration.ofSeconds(10)).until(x -> !"420px".equals(frame.getCssValue("height")));
                d.switchTo().frame(frame);
                assertThat(d.findElement(By.cssSelector(".tcard .tname")).getText()).isEqualTo("Browser Betty");
            } finally {
                host.stop(0);
            }
        } finally {
            d.quit();
        }
    }
}
