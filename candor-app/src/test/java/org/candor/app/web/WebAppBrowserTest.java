package org.candor.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.candor.app.DemoAccess;
import org.candor.app.demo.DemoCredentials;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web app and the operators' console in headless Chromium against a serving demo (node, PostgreSQL, gateway,
 * admin API, market maker), logged in with the demo's web logins from its credentials file, as a person would. The
 * browser console must stay free of errors throughout. Screenshots of the key pages go to target/screenshots/.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebAppBrowserTest {
    /** Apart from the other demo tests' node ports (24000, 24010, 24020). */
    private static final int PORT_BASE = 24_040;
    private static final Duration START_MAX = Duration.ofSeconds(120);
    private static final Pattern REFERENCE = Pattern.compile("reference (\\d+)");

    private Path dir;
    private DemoAccess demo;
    private CompletableFuture<Integer> exit;
    private DemoCredentials credentials;
    private Browser browser;
    /** The withdrawal alice asks for while a market is halted, which an operator approves next. */
    private long withdrawnWhileHalted;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void startDemoAndBrowser() throws Exception {
        dir = Files.createTempDirectory("candor-web-test");
        final ByteArrayOutputStream demoOut = new ByteArrayOutputStream();
        final Path credentialsFile = dir.resolve("credentials.json");
        demo = DemoAccess.serving(new PrintStream(demoOut, true, StandardCharsets.UTF_8), dir.resolve("node"),
            PORT_BASE, credentialsFile);
        exit = CompletableFuture.supplyAsync(demo::run);
        demo.awaitServing(demoOut, START_MAX);
        credentials = DemoCredentials.read(credentialsFile);
        browser = new Browser();
    }

    @AfterAll
    void stop() throws Exception {
        if (browser != null) {
            browser.close();
        }
        if (demo != null) {
            demo.stop();
            assertThat(exit.get(60, TimeUnit.SECONDS)).isZero();
        }
    }

    @AfterEach
    void browserConsoleHasNoErrors() {
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    @Order(1)
    void aTraderRestsAnOrderSeesItInOpenOrdersAndTheBookThenCancelsIt() throws Exception {
        browser.logIn(credentials.baseUrl() + "/", "alice", credentials.password("alice"));
        browser.await(By.cssSelector("tr[data-symbol=BTCUSDT]"));
        browser.screenshot("markets");

        // A fresh navigation (not a hash change), so the mark measures this page's load from its start.
        browser.open("about:blank");
        browser.open(credentials.baseUrl() + "/#/market/BTCUSDT");
        browser.await(By.cssSelector(".market[data-ready=true]"));
        final Object readyMs = browser.driver.executeScript(
            "return performance.getEntriesByName('candor-market-ready')[0].startTime");
        System.out.printf("market page first render (navigation start to book, trades and chart): %.0f ms%n",
            ((Number) readyMs).doubleValue());
        Files.createDirectories(Browser.SCREENSHOTS);
        Files.writeString(Browser.SCREENSHOTS.resolve("market-first-render-ms.txt"), readyMs + "\n");

        browser.await(By.id("order-price")).sendKeys("50000.00");
        browser.driver.findElement(By.id("order-quantity")).sendKeys("0.0100");
        browser.driver.findElement(By.cssSelector("button.submit")).click();
        browser.awaitText(By.id("order-result"), "is in the book");
        final String orderId = browser.driver.findElement(By.id("order-result")).getText()
            .replaceAll("\\D*(\\d+).*", "$1");
        browser.await(By.cssSelector("tr[data-order-id='" + orderId + "']"));
        browser.awaitText(By.cssSelector("tbody.bids"), "50000");
        browser.screenshot("market-with-resting-order");

        // Clicked by script: the maker's trades keep the page moving under a pointer.
        browser.driver.executeScript("arguments[0].click()",
            browser.driver.findElement(By.cssSelector("tr[data-order-id='" + orderId + "'] button.cancel")));
        browser.awaitGone(By.cssSelector("tr[data-order-id='" + orderId + "']"));
        browser.open(credentials.baseUrl() + "/#/orders");
        browser.await(By.id("orders-title"));
        assertThat(browser.driver.findElements(By.cssSelector("tr[data-order-id='" + orderId + "']"))).isEmpty();
    }

    @Test
    @Order(2)
    void invalidOrdersAreExplainedBeforeTheyAreSent() {
        browser.open("about:blank");
        browser.open(credentials.baseUrl() + "/#/market/BTCUSDT");
        browser.await(By.id("order-price")).sendKeys("50000.0000005");
        browser.driver.findElement(By.id("order-quantity")).sendKeys("0.00001");
        browser.driver.findElement(By.cssSelector("button.submit")).click();
        browser.awaitText(By.id("order-price-error"), "At most 6 decimals");
        browser.awaitText(By.id("order-quantity-error"), "The smallest amount is");
        assertThat(browser.driver.findElement(By.id("order-price")).getAttribute("aria-invalid")).isEqualTo("true");
    }

    @Test
    @Order(3)
    void aHoldPlacedByOneOperatorAndApprovedByAnotherIsExplainedOnTheFundsPage() throws Exception {
        final String console = credentials.adminUrl() + "/";
        browser.logIn(console, "olivia", credentials.password("olivia"));
        browser.await(By.id("user-q")).sendKeys("alice");
        browser.driver.findElement(By.cssSelector("form.inline button")).click();
        browser.await(By.cssSelector("table.balances"));
        new Select(browser.driver.findElement(By.id("hold-asset"))).selectByValue("BTC");
        browser.driver.findElement(By.id("hold-amount")).sendKeys("0.05");
        new Select(browser.driver.findElement(By.id("hold-reason"))).selectByValue("COMPLIANCE_REVIEW");
        final String explanation = "We are checking the source of a deposit; send us the invoice to speed it up.";
        browser.driver.findElement(By.id("hold-explanation")).sendKeys(explanation);
        browser.driver.findElement(By.id("hold-ticket")).sendKeys("4242");
        browser.driver.findElement(By.cssSelector("form.hold-form button[type=submit]")).click();
        browser.awaitText(By.id("action-message"), "reference");
        final Matcher reference = REFERENCE.matcher(browser.driver.findElement(By.id("action-message")).getText());
        assertThat(reference.find()).isTrue();
        final String holdId = reference.group(1);
        final By pending = By.cssSelector("li.hold[data-hold-id='" + holdId + "']");
        browser.await(pending);

        // Four eyes: the UI does not offer the placer an approval, and the API refuses it all the same.
        assertThat(browser.driver.findElement(By.cssSelector("li.hold[data-hold-id='" + holdId + "'] button.approve"))
            .isEnabled()).isFalse();
        final HttpResponse<String> self = post(credentials.adminUrl() + "/admin/v1/holds/approve", "holdId=" + holdId,
            "candor_console_session", browser.cookie("candor_console_session"), browser.csrfToken());
        assertThat(self.statusCode()).isEqualTo(400);
        assertThat(self.body()).contains("SELF_APPROVAL");
        browser.screenshot("console-pending-hold");

        browser.logOut();
        browser.logIn(console + "#pending", "oscar", credentials.password("oscar"));
        browser.await(By.cssSelector("li.hold[data-hold-id='" + holdId + "'] button.approve")).click();
        browser.awaitText(By.id("action-message"), "Approve hold " + holdId + ": done");

        browser.open(credentials.baseUrl() + "/#/funds");
        final By card = By.cssSelector("li.hold[data-hold-id='" + holdId + "']");
        browser.awaitText(card, explanation);
        assertThat(browser.driver.findElement(card).getText()).contains("0.05 BTC held").contains("#4242")
            .contains("Review deadline").contains("Since");
        assertThat(browser.driver.findElement(By.cssSelector("li.asset[data-asset=BTC] dd[data-part=held]")).getText())
            .isEqualTo("0.05");
        browser.screenshot("funds-with-hold");

        browser.open(console + "#trail");
        browser.awaitText(By.id("chain-status"), "Hash chain intact");
        assertThat(browser.driver.findElement(By.cssSelector("table.trail")).getText()).contains("SELF_APPROVAL");
        browser.screenshot("console-trail");
    }

    @Test
    @Order(4)
    void aNewWithdrawalAddressShowsItsTimeLockInPlainWords() throws Exception {
        browser.open(credentials.baseUrl() + "/#/funds");
        browser.awaitText(By.id("time-lock-explained"), "New addresses can be used after 24 h; this protects you if "
            + "someone takes over your account.");
        new Select(browser.driver.findElement(By.id("address-asset"))).selectByValue("USDT");
        browser.driver.findElement(By.id("address-label")).sendKeys("My cold wallet");
        browser.driver.findElement(By.id("address-text")).sendKeys("TAliceColdWallet0001");
        browser.driver.findElement(By.cssSelector("form.address-form button[type=submit]")).click();
        browser.awaitText(By.id("address-result"), "It can be used from");
        final By row = By.xpath("//tr[contains(@class,'address')][td/code[text()='TAliceColdWallet0001']]");
        browser.await(row);
        assertThat(browser.driver.findElement(row).getAttribute("data-usable")).isEqualTo("false");
        assertThat(browser.driver.findElement(row).getText()).contains("My cold wallet").contains("From ");
        // Locked, so the USDT form offers no address to withdraw to; amounts are checked before anything is sent.
        assertThat(browser.driver.findElement(By.cssSelector("form.withdraw[data-asset=USDT]")).getText())
            .contains("None of your USDT addresses is usable yet");
        final By btcAmount = By.id("withdraw-BTC-amount");
        browser.driver.findElement(btcAmount).sendKeys("0.000000001");
        browser.awaitText(By.id("withdraw-BTC-error"), "At most 8 decimals.");
        assertThat(browser.driver.findElement(btcAmount).getAttribute("aria-invalid")).isEqualTo("true");
        browser.driver.findElement(btcAmount).clear();
        browser.driver.findElement(btcAmount).sendKeys("100000");
        browser.awaitText(By.id("withdraw-BTC-error"), "is available.");
        browser.screenshot("funds-addresses");
    }

    @Test
    @Order(5)
    void oneOperatorProposesAShorterTimeLockAnotherApprovesItAndAHoldIsRenewed() throws Exception {
        final String console = credentials.adminUrl() + "/";
        browser.open(console);
        browser.awaitText(By.cssSelector(".who"), "oscar");
        browser.logOut();
        browser.logIn(console + "#policies", "olivia", credentials.password("olivia"));
        new Select(browser.await(By.id("policy-asset"))).selectByValue("BTC");
        new Select(browser.driver.findElement(By.id("policy-kind"))).selectByValue("WITHDRAWAL_ADDRESS_TIME_LOCK");
        browser.driver.findElement(By.id("policy-value")).sendKeys("0");
        browser.driver.findElement(By.cssSelector("form.propose-form button[type=submit]")).click();
        browser.awaitText(By.id("action-message"), "another operator must approve it");
        final Matcher proposal = Pattern.compile("proposal (\\d+) made").matcher(
            browser.driver.findElement(By.id("action-message")).getText());
        assertThat(proposal.find()).isTrue();
        final By pending = By.cssSelector("li.proposal[data-proposal-id='" + proposal.group(1) + "']");
        browser.await(pending);
        assertThat(browser.driver.findElement(pending).getAttribute("data-state")).isEqualTo("PENDING");
        assertThat(browser.driver.findElement(pending).findElement(By.cssSelector("button.approve")).isEnabled())
            .isFalse();
        // Tightening needs one operator: above 0.01 BTC a withdrawal now waits for an operator.
        new Select(browser.driver.findElement(By.id("policy-kind"))).selectByValue("WITHDRAWAL_APPROVAL_THRESHOLD");
        browser.driver.findElement(By.id("policy-value")).sendKeys("0.01");
        browser.driver.findElement(By.cssSelector("form.propose-form button[type=submit]")).click();
        browser.awaitText(By.id("action-message"), "applied at once");
        browser.screenshot("console-policies");

        browser.open(console + "#users");
        browser.await(By.id("user-q")).sendKeys("alice");
        browser.driver.findElement(By.cssSelector("form.inline button")).click();
        final By renewal = By.cssSelector("li.hold[data-state=ACTIVE] form.renew");
        browser.await(renewal).findElement(By.cssSelector("input[id$=-why]"))
            .sendKeys("The invoice arrived; the bank confirms it next week.");
        browser.driver.findElement(renewal).findElement(By.cssSelector("button.renew")).click();
        browser.awaitText(By.id("action-message"), ": done");
        browser.awaitText(By.cssSelector("li.hold[data-state=ACTIVE] .renewals"), "Renewed 1 time");

        browser.logOut();
        browser.logIn(console + "#policies", "oscar", credentials.password("oscar"));
        browser.await(pending).findElement(By.cssSelector("button.approve")).click();
        browser.awaitText(By.id("action-message"), "Approve proposal " + proposal.group(1) + ": done");
        new WebDriverWait(browser.driver, Duration.ofSeconds(20)).until(driver ->
            "APPROVED".equals(driver.findElement(pending).getAttribute("data-state")));
    }

    @Test
    @Order(6)
    void aHaltedMarketRefusesItsOrderFormWhileTheFundsPageStillWithdraws() throws Exception {
        browser.open(credentials.adminUrl() + "/#markets");
        browser.await(By.cssSelector("tr[data-symbol=ETHBTC] button.halt")).click();
        browser.await(By.cssSelector("tr[data-symbol=ETHBTC] button.resume"));

        browser.open(credentials.baseUrl() + "/#/market/ETHBTC");
        browser.await(By.cssSelector(".badge[data-status=HALT]"));
        assertThat(browser.driver.findElement(By.cssSelector("button.submit")).isEnabled()).isFalse();
        assertThat(browser.driver.findElement(By.cssSelector(".halted-notice")).getText()).contains("halted");
        browser.screenshot("market-halted");
        final HttpResponse<String> refused = post(credentials.baseUrl() + "/api/v3/order",
            "symbol=ETHBTC&side=BUY&type=LIMIT&timeInForce=GTC&price=0.05&quantity=0.1", "candor_session",
            browser.cookie("candor_session"), browser.csrfToken());
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("Market is closed.");

        // BTC is ETHBTC's quote asset; its time lock is now 0, so a new address is usable at once.
        browser.open(credentials.baseUrl() + "/#/funds");
        new Select(browser.await(By.id("address-asset"))).selectByValue("BTC");
        browser.driver.findElement(By.id("address-label")).sendKeys("Hardware wallet");
        browser.driver.findElement(By.id("address-text")).sendKeys("bc1qalicehardware0001");
        browser.driver.findElement(By.cssSelector("form.address-form button[type=submit]")).click();
        browser.awaitText(By.id("address-result"), "It can be used now.");
        final long kept = withdraw("0.02");
        final long cancelled = withdraw("0.015");
        final By keptRow = By.cssSelector("li.withdrawal[data-withdrawal-id='" + kept + "']");
        assertThat(browser.driver.findElement(keptRow).getAttribute("data-state")).isEqualTo("awaiting_approval");
        assertThat(browser.driver.findElement(keptRow).getText()).contains("Waiting for an operator's approval")
            .contains("Place in queue").contains("Expected by").contains("0.02 BTC");
        browser.screenshot("funds-withdrawals");
        browser.driver.findElement(By.cssSelector("li.withdrawal[data-withdrawal-id='" + cancelled
            + "'] button.cancel")).click();
        browser.awaitGone(By.cssSelector("li.withdrawal[data-withdrawal-id='" + cancelled + "']"));
        assertThat(browser.driver.findElements(keptRow)).hasSize(1);
        withdrawnWhileHalted = kept;

        browser.open(credentials.adminUrl() + "/#markets");
        browser.await(By.cssSelector("tr[data-symbol=ETHBTC] button.resume")).click();
        browser.await(By.cssSelector("tr[data-symbol=ETHBTC] button.halt"));
    }

    @Test
    @Order(7)
    void anOperatorApprovesTheWithdrawalAboveTheThresholdAndPausesAndResumesAnAsset() {
        browser.open(credentials.adminUrl() + "/#withdrawals");
        final By queued = By.cssSelector("li.withdrawal[data-withdrawal-id='" + withdrawnWhileHalted + "']");
        assertThat(browser.await(queued).getText()).contains("0.02000000 BTC").contains("bc1qalicehardware0001");
        browser.screenshot("console-withdrawals");
        browser.driver.findElement(queued).findElement(By.cssSelector("button.approve")).click();
        browser.awaitText(By.id("action-message"), "Approve withdrawal " + withdrawnWhileHalted + ": done");
        browser.awaitGone(queued);

        new Select(browser.driver.findElement(By.id("pause-asset"))).selectByValue("USDT");
        new Select(browser.driver.findElement(By.id("pause-reason"))).selectByValue("MAINTENANCE");
        browser.driver.findElement(By.id("pause-explanation")).sendKeys("Wallet upgrade, back within the hour.");
        browser.driver.findElement(By.cssSelector("form.pause-form button[type=submit]")).click();
        browser.awaitText(By.cssSelector("tr[data-asset=USDT]"), "Wallet upgrade, back within the hour.");
        browser.driver.findElement(By.cssSelector("tr[data-asset=USDT] button.resume")).click();
        browser.awaitText(By.cssSelector("tr[data-asset=USDT]"), "Running");
    }

    @Test
    @Order(8)
    void aCrossSiteFormCannotTradeWithTheSessionCookie() throws Exception {
        browser.open(credentials.baseUrl() + "/#/orders");
        browser.await(By.id("orders-title"));
        final HttpResponse<String> forged = post(credentials.baseUrl() + "/api/v3/order",
            "symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC&price=50000&quantity=0.01", "candor_session",
            browser.cookie("candor_session"), null);
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.body()).contains("X-Candor-CSRF");
    }

    @Test
    @Order(9)
    void orderHistoryPagesWithKeysetCursors() throws Exception {
        // Eleven immediate-or-cancel buys far below the market: each ends at once, expired, in alice's history.
        for (int i = 0; i < 11; i++) {
            final HttpResponse<String> placed = post(credentials.baseUrl() + "/api/v3/order",
                "symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=IOC&price=1000&quantity=0.01", "candor_session",
                browser.cookie("candor_session"), browser.csrfToken());
            assertThat(placed.statusCode()).as(placed.body()).isEqualTo(200);
        }
        browser.open(credentials.baseUrl() + "/#/history/orders");
        new Select(browser.await(By.id("history-market"))).selectByValue("BTCUSDT");
        browser.awaitText(By.id("history-page"), "Page 1");
        browser.awaitText(By.id("history-page"), "(10 rows)");
        final java.util.List<String> first = orderIds();
        browser.driver.findElement(By.cssSelector(".pager button.next")).click();
        browser.awaitText(By.id("history-page"), "Page 2");
        browser.await(By.cssSelector("table.order-history"));
        final java.util.List<String> second = orderIds();
        assertThat(second).isNotEmpty().doesNotContainAnyElementsOf(first);
        // Newest first: every row of the older page is below every row of the first.
        assertThat(Long.parseLong(first.get(0))).isGreaterThan(Long.parseLong(first.get(first.size() - 1)));
        assertThat(Long.parseLong(second.get(0))).isLessThan(Long.parseLong(first.get(first.size() - 1)));
        browser.screenshot("order-history-page-2");
        browser.driver.findElement(By.cssSelector(".pager button.previous")).click();
        browser.awaitText(By.id("history-page"), "Page 1");
        browser.await(By.cssSelector("table.order-history"));
        assertThat(orderIds()).isEqualTo(first);

        browser.open(credentials.baseUrl() + "/#/history/trades");
        browser.awaitText(By.id("history-page"), "Page 1");
        browser.screenshot("trade-history");
    }

    /** What the user was told: test 3's hold with its explanation, unread until read, and the count in the menu. */
    @Test
    @Order(10)
    void theUserReadsWhatTheyWereToldAboutTheirFunds() {
        browser.open(credentials.baseUrl() + "/#/notifications");
        browser.awaitText(By.id("notifications-unread"), "unread.");
        browser.awaitText(By.cssSelector("ol.notification-list"), "We are checking the source of a deposit");
        assertThat(browser.driver.findElement(By.cssSelector("nav a[href='#/notifications']")).getText())
            .contains("unread");
        assertThat(browser.driver.findElements(By.cssSelector("li.notification.unread"))).isNotEmpty();
        browser.screenshot("notifications");
        browser.driver.findElement(By.cssSelector("button.mark-read")).click();
        browser.awaitText(By.id("notifications-unread"), "Nothing unread.");
        assertThat(browser.driver.findElements(By.cssSelector("li.notification.unread"))).isEmpty();
        browser.awaitText(By.cssSelector("nav a[href='#/notifications']"), "Notifications");
        assertThat(browser.driver.findElement(By.cssSelector("nav a[href='#/notifications']")).getText())
            .doesNotContain("unread");
    }

    private java.util.List<String> orderIds() {
        return browser.driver.findElements(By.cssSelector("table.order-history tbody tr")).stream()
            .map(row -> row.getAttribute("data-order-id")).toList();
    }

    /** Withdraws {@code amount} BTC to the first usable address on the funds page; the new withdrawal's id. */
    private long withdraw(final String amount) {
        final By field = By.id("withdraw-BTC-amount");
        browser.await(field).clear();
        browser.driver.findElement(field).sendKeys(amount);
        browser.driver.findElement(By.cssSelector("form.withdraw[data-asset=BTC] button[type=submit]")).click();
        browser.awaitText(By.id("withdraw-BTC-result"), "requested");
        final Matcher id = Pattern.compile("Withdrawal (\\d+) requested").matcher(
            browser.driver.findElement(By.id("withdraw-BTC-result")).getText());
        assertThat(id.find()).isTrue();
        browser.await(By.cssSelector("li.withdrawal[data-withdrawal-id='" + id.group(1) + "']"));
        return Long.parseLong(id.group(1));
    }

    private HttpResponse<String> post(final String url, final String form, final String cookieName,
        final String cookie, final String csrf) throws IOException, InterruptedException {
        final HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
            .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", cookieName + "=" + cookie)
            .POST(HttpRequest.BodyPublishers.ofString(form));
        if (csrf != null) {
            request.header("X-Candor-CSRF", csrf);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
