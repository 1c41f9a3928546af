import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A new user's first minutes, as bench/tryout.sh runs it against the shipped jar: sign up, add a client, send a
 * check-in, answer it as the client on a phone (score, testimonial), approve it, look at the wall; then every main
 * admin page at 390 px. Screenshots (full page) go to the output directory; one line per step with what was seen:
 * the page height, whether it scrolls sideways, and the heading. Not a test: a record for a person to look at.
 *
 *   java -cp ... bench/Tryout.java BASE_URL OUT_DIR
 */
public class Tryout {
    static WebDriver driver;
    static String base;
    static Path out;
    static int shot = 0;
    static final List<String> problems = new ArrayList<>();

    public static void main(String[] args) throws Exception {
        base = args[0];
        out = Path.of(args[1]);
        Files.createDirectories(out);
        ChromeOptions o = new ChromeOptions();
        o.setBinary("/usr/bin/chromium");
        o.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--hide-scrollbars");
        driver = new ChromeDriver(new ChromeDriverService.Builder()
                .usingDriverExecutable(new java.io.File("/usr/bin/chromedriver")).build(), o);
        try {
            walk();
        } finally {
            driver.quit();
        }
        System.out.println(problems.isEmpty() ? "no problems seen" : "problems: " + String.join("; ", problems));
    }

    static void walk() throws Exception {
        desktop();
        open("/signup");
        look("signup");
        fill("displayName", "Mia Design");
        fill("email", "mia@example.com");
        fill("password", "a long enough password here");
        fill("slug", "mia");
        submit("email");
        look("first admin page after sign-up");

        open("/admin/referrals/programs/new"); // a program first, so the client's referral step has a link to share
        look("new referral program");
        fill("name", "Friends of Mia");
        submit("name");
        look("after creating the program");
        if (!driver.findElements(By.id("f-referrerAmount-error")).isEmpty()) { // the default reward needs its figure
            fill("referrerAmount", "10");
            submit("name");
            look("after giving the discount");
        }

        open("/admin/clients/new");
        fill("name", "Ada Client");
        fill("email", "ada@example.com");
        submit("email");
        look("client page");
        String clientUrl = driver.getCurrentUrl();
        clickFormButton("/check-in");
        look("after send check-in");

        String link = null;
        for (int i = 0; i < 60 && link == null; i++) { // the background worker sends it within a few seconds
            open("/admin/outbox");
            link = linkInOutbox("/c/");
            if (link == null) Thread.sleep(500);
        }
        look("outbox");
        if (link == null) {
            problems.add("no check-in link in the outbox");
            return;
        }

        phone();
        driver.get(link);
        look("client: check-in score (phone)");
        driver.findElement(By.cssSelector("label[for=score-9]")).click(); // as a thumb taps it
        submit("score");
        look("client: after score 9 (phone)");
        if (driver.findElements(By.name("body")).isEmpty() && !driver.findElements(By.cssSelector("form button.primary")).isEmpty()) {
            driver.findElement(By.cssSelector("form button.primary")).click(); // "Continue" to the testimonial
            look("client: after continue (phone)");
        }
        if (!driver.findElements(By.name("body")).isEmpty()) {
            fill("body", "Mia rebuilt our booking site in two weeks; clients now book on their phones without calling us.");
            List<WebElement> five = driver.findElements(By.cssSelector("input[name=rating][value='5']"));
            if (!five.isEmpty()) clickLabelOf(five.get(0));
            WebElement consent = driver.findElement(By.name("consentPublish"));
            if (!consent.isSelected()) clickLabelOf(consent);
            submit("body");
            look("client: after testimonial (phone)");
        } else {
            problems.add("no testimonial step after a 9");
        }

        desktop();
        open("/admin/testimonials");
        look("testimonials queue (desktop)");
        String detail = driver.findElements(By.cssSelector("a[href*='/admin/testimonials/']")).stream()
                .map(a -> a.getAttribute("href")).filter(h -> h.matches(".*/admin/testimonials/[0-9]+$")).findFirst().orElse(null);
        if (detail != null) {
            driver.get(detail);
            look("testimonial detail");
            List<WebElement> approve = driver.findElements(By.cssSelector("form[action*='/admin/testimonials/'] button.primary"));
            if (!approve.isEmpty()) {
                approve.get(0).click();
                look("after approve");
            } else {
                problems.add("no approve button on the detail page");
            }
        } else {
            problems.add("no testimonial in the queue");
        }
        open("/p/mia");
        look("wall (desktop)");
        phone();
        open("/p/mia");
        look("wall (phone)");
        open("/p/mia/review");
        look("review form (phone)");
        for (String p : List.of("/admin", "/admin/testimonials", "/admin/clients", clientUrl.replace(base, ""),
                "/admin/asks", "/admin/referrals", "/admin/referrals/programs", "/admin/referrals/ambassadors", "/admin/case-studies",
                "/admin/settings", "/admin/outbox")) {
            open(p);
            look("admin " + p + " (phone)");
        }
    }

    static void desktop() { driver.manage().window().setSize(new Dimension(1280, 900)); }

    static void phone() { driver.manage().window().setSize(new Dimension(390, 844)); }

    static void open(String path) { driver.get(base + path); }

    static void fill(String name, String value) {
        WebElement e = driver.findElement(By.name(name));
        e.clear();
        e.sendKeys(value);
    }

    /** The primary button of the form that holds the named field, clicked as a person would. */
    static void submit(String fieldInForm) {
        WebElement form = driver.findElement(By.name(fieldInForm)).findElement(By.xpath("./ancestor::form"));
        List<WebElement> primary = form.findElements(By.cssSelector("button.primary, button[type=submit]:not([name=skip])"));
        primary.get(0).click();
    }

    static void clickFormButton(String actionSuffix) {
        for (WebElement f : driver.findElements(By.tagName("form"))) {
            String a = f.getAttribute("action");
            if (a != null && a.endsWith(actionSuffix)) {
                f.findElement(By.cssSelector("button")).click();
                return;
            }
        }
        problems.add("no form ending " + actionSuffix + " on " + driver.getCurrentUrl());
    }

    static void clickLabelOf(WebElement input) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].click();", input);
    }

    static String linkInOutbox(String prefix) {
        Pattern p = Pattern.compile(Pattern.quote(base + prefix) + "[A-Za-z0-9_-]+");
        for (WebElement a : driver.findElements(By.cssSelector("a[href*='/admin/outbox/']"))) {
            String href = a.getAttribute("href");
            String html = fetch(href);
            Matcher m = p.matcher(html);
            if (m.find()) return m.group();
        }
        return null;
    }

    /** A page as the signed-in browser sees it (its session cookie). */
    static String fetch(String url) {
        String cookies = String.join("; ", driver.manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue()).toList());
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).header("Cookie", cookies)
                    .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException | InterruptedException e) {
            return "";
        }
    }

    static void look(String what) throws IOException {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        long height = ((Number) js.executeScript("return document.documentElement.scrollHeight")).longValue();
        long width = ((Number) js.executeScript("return document.documentElement.scrollWidth")).longValue();
        long viewport = ((Number) js.executeScript("return window.innerWidth")).longValue();
        String h1 = driver.findElements(By.tagName("h1")).stream().findFirst().map(WebElement::getText).orElse("(no h1)");
        String status = (String) js.executeScript(
                "var e = performance.getEntriesByType('navigation')[0]; return e && e.responseStatus ? String(e.responseStatus) : '?';");
        String name = String.format("%02d-%s.png", ++shot, what.replaceAll("[^A-Za-z0-9]+", "-").replaceAll("-+$", ""));
        // a full-page screenshot: the window as tall as the page, then back
        Dimension before = driver.manage().window().getSize();
        driver.manage().window().setSize(new Dimension(before.width, (int) Math.min(height + 120, 8000)));
        Files.write(out.resolve(name), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        driver.manage().window().setSize(before);
        boolean sideways = width > viewport + 1;
        if (sideways) problems.add(what + " scrolls sideways (" + width + " px in " + viewport + ")");
        if (status.startsWith("5")) problems.add(what + " answered " + status);
        System.out.printf("%-40s %s  h1 \"%s\"  %d px tall%s  -> %s%n", what, status, h1, height,
                sideways ? ", SCROLLS SIDEWAYS " + width + "px" : "", name);
    }
}
