package com.primejennie.dashboard.console.overview;

import java.time.Duration;

import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.primejennie.shared.trading.TradingFlagName;
import com.primejennie.shared.trading.TradingFlags;

/**
 * The overview page, its live feed (SSE) and the operator switches. Switches are written through the shared
 * {@link TradingFlags} (no TTL, reason naming the console user), exactly like the bot's {@code /pause}, {@code /stop}
 * and {@code /dryrun}.
 */
@Controller
public class OverviewPageController {

    private final OverviewReader reader;
    private final LiveFeed feed;
    private final TradingFlags flags;

    public OverviewPageController(OverviewReader reader, LiveFeed feed, TradingFlags flags) {
        this.reader = reader;
        this.feed = feed;
        this.flags = flags;
    }

    @GetMapping("/")
    public String root() {
        return "redirect:/console";
    }

    @GetMapping("/console")
    public String overview(Model model) {
        model.addAttribute("page", "overview");
        model.addAttribute("o", reader.read());
        model.addAttribute("feed", feed.recent());
        return "console/overview";
    }

    /** The positions card alone, refreshed by htmx every few seconds. */
    @GetMapping("/console/positions")
    public String positions(Model model) {
        model.addAttribute("o", reader.read());
        return "console/overview :: positions";
    }

    @GetMapping(path = "/console/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    public SseEmitter events() {
        return feed.subscribe();
    }

    @PostMapping("/console/flags/{flag}")
    public String setFlag(@PathVariable String flag, @RequestParam String action, Authentication user,
                          RedirectAttributes redirect) {
        String reason = "web console (" + user.getName() + ")";
        boolean on = "on".equals(action);
        switch (flag) {
            case "pause" -> {
                if (on) {
                    flags.pause(reason, null);
                } else {
                    flags.set(TradingFlagName.PAUSE, false, reason, null);
                }
            }
            case "stop" -> {
                if (on) {
                    flags.stop(reason);
                } else {
                    flags.set(TradingFlagName.STOP, false, reason, null);
                }
            }
            case "dryrun" -> flags.setDryRun(on, reason, (Duration) null);
            default -> throw new IllegalArgumentException("unknown switch '" + flag + "' (pause, stop, dryrun)");
        }
        redirect.addFlashAttribute("notice", "flag." + flag + "." + (on ? "on" : "off"));
        return "redirect:/console";
    }
}
