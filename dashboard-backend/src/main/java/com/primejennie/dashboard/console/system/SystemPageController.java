package com.primejennie.dashboard.console.system;

import org.springframework.stereotype.Controller;

import com.primejennie.dashboard.system.ServiceHealthQuery;
import com.primejennie.dashboard.system.StreamHealthQuery;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Streams and dead letters (counts from the API's {@link StreamHealthQuery}, entries read here), services' health
 * ({@link ServiceHealthQuery}), today's LLM usage, scheduler jobs with run/pause/resume.
 */
@Controller
public class SystemPageController {

    private final StreamsReader streams;
    private final StreamHealthQuery streamHealth;
    private final ServiceHealthQuery health;
    private final LlmUsageReader llm;
    private final SchedulerJobs scheduler;

    public SystemPageController(StreamsReader streams, StreamHealthQuery streamHealth, ServiceHealthQuery health,
                                LlmUsageReader llm, SchedulerJobs scheduler) {
        this.streams = streams;
        this.streamHealth = streamHealth;
        this.health = health;
        this.llm = llm;
        this.scheduler = scheduler;
    }

    @GetMapping("/console/system")
    public String system(Model model) {
        model.addAttribute("page", "system");
        model.addAttribute("streams", streamHealth.streams().get("streams"));
        model.addAttribute("services", health.services().get("services"));
        model.addAttribute("llm", llm.today());
        model.addAttribute("jobs", scheduler.list());
        return "console/system";
    }

    /** Services' health alone, loaded by the overview. */
    @GetMapping("/console/system/services")
    public String services(Model model) {
        model.addAttribute("services", health.services().get("services"));
        return "console/system :: services";
    }

    /** The dead letters of one stream, as an htmx fragment under the streams table. */
    @GetMapping("/console/system/dead-letters")
    public String deadLetters(@RequestParam String stream, Model model) {
        model.addAttribute("stream", stream);
        try {
            model.addAttribute("letters", streams.deadLetters(stream, 50));
        } catch (IllegalArgumentException e) {
            model.addAttribute("error", e.getMessage());
        }
        return "console/system :: deadLetters";
    }

    @PostMapping("/console/system/jobs/{jobId}/{action}")
    public String job(@PathVariable String jobId, @PathVariable String action, RedirectAttributes redirect) {
        String error = scheduler.act(jobId, action);
        if (error != null) {
            redirect.addFlashAttribute("error", error);
        } else {
            redirect.addFlashAttribute("notice", action + ": " + jobId);
        }
        return "redirect:/console/system";
    }
}
