package org.assure.distribution.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A person's path through the standalone gateway's web console, in headless Chromium (Debian's chromium and
 * chromium-driver): open the Configuration page on the aSSURE channels form, change the manufacturer, save; the
 * channel manager then serves the new value (seen through the aSSURE plugin's status.json, which asks the Device
 * Management API for {@code GET /v1/info}), and the configuration is stored under the gateway's home. Screenshots go
 * to {@code target/browser/}. Skipped only where the chromium binary is absent.
 */
class GatewayBrowserIT {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    @TempDir(cleanup = org.junit.jupiter.api.io.CleanupMode.ON_SUCCESS)
    Path home;

    @Test
    void anEditInTheConfigurationFormReachesTheComponent() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM), "Debian's chromium is not installed");
        FactoryIdentityFixture.writeInto(home);
        Map<String, String> options = new LinkedHashMap<>();
        options.put("home", home.toString());
        options.put("http.port", Integer.toString(GatewayProcess.freeTcpPort()));
        options.put("mgmt.port", Integer.toString(GatewayProcess.freeUdpPort()));
        options.put("data.port", Integer.toString(GatewayProcess.freeUdpPort()));
        options.put("bind", "127.0.0.1");
        options.put("bootstrap.host", "127.0.0.1");
        options.put("bootstrap.port", Integer.toString(GatewayProcess.freeUdpPort()));
        options.put("console.password", GatewayProcess.PASSWORD);
        Path screenshots = Files.createDirectories(GatewayProcess.target().resolve("browser"));
        String manufacturer = "BrowserTestWorks-" + Long.toHexString(System.nanoTime());

        try (GatewayProcess gateway = GatewayProcess.start(options, home.resolve("browser-run.log"))) {
            assertThat(gateway.awaitReport(GatewayProcess.STARTUP)).hasValueSatisfying(
                    line -> assertThat(line).startsWith("ASSURE-GATEWAY READY"));
            assertThat(gateway.get("/system/console/assure/status.json", GatewayProcess.PASSWORD).body())
                    .contains("\"manufacturer\":\"\"");

            WebDriver browser = chromium();
            try {
                // credentials in the address: Chromium answers the console's basic-auth challenge with them and
                // keeps them for the page's own requests to the same origin
                String console = "http://admin:" + GatewayProcess.PASSWORD + "@127.0.0.1:" + gateway.httpPort
                        + "/system/console/configMgr/org.assure.channels";
                browser.get(console);
                WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
                WebElement field = wait.until(ExpectedConditions.visibilityOfElementLocated(
                        By.name("device.manufacturer")));
                assertThat(browser.getPageSource()).contains("aSSURE channels");
                field.clear();
                field.sendKeys(manufacturer);
                screenshot(browser, screenshots.resolve("configuration-form-edited.png"));
                WebElement save = browser.findElement(By.xpath(
                        "//div[contains(@class,'ui-dialog-buttonpane')]//button[normalize-space(.)='Save']"));
                save.click();
                wait.until(ExpectedConditions.invisibilityOfElementLocated(By.name("device.manufacturer")));

                String status = awaitManufacturer(gateway, manufacturer, Duration.ofSeconds(90));
                assertThat(status).contains("\"manufacturer\":\"" + manufacturer + "\"");

                browser.get("http://admin:" + GatewayProcess.PASSWORD + "@127.0.0.1:" + gateway.httpPort
                        + "/system/console/assure");
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("assure-status"), manufacturer));
                screenshot(browser, screenshots.resolve("assure-status-after-save.png"));
            } finally {
                browser.quit();
            }
            assertThat(gateway.terminate(Duration.ofSeconds(60))).isEqualTo(143);
        }
        // stored by the configuration admin under the gateway's home, so it survives a restart
        try (var files = Files.walk(home.resolve("config"))) {
            assertThat(files.filter(Files::isRegularFile).anyMatch(file -> contains(file, manufacturer))).isTrue();
        }
        assertThat(screenshots.resolve("configuration-form-edited.png")).isNotEmptyFile();
    }

    private static boolean contains(Path file, String text) {
        try {
            return Files.readString(file).contains(text);
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private static String awaitManufacturer(GatewayProcess gateway, String manufacturer, Duration timeout)
            throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        String body = "";
        while (System.nanoTime() < deadline) {
            body = gateway.get("/system/console/assure/status.json", GatewayProcess.PASSWORD).body();
            if (body.contains("\"manufacturer\":\"" + manufacturer + "\"")) {
                return body;
            }
            Thread.sleep(250);
        }
        return body;
    }

    private static WebDriver chromium() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // root in CI has no sandbox; /dev/shm may be small in containers
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1280,1000");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString())).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    private static void screenshot(WebDriver browser, Path file) throws java.io.IOException {
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), file, StandardCopyOption.REPLACE_EXISTING);
    }
}
