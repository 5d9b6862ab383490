package com.primejennie.dashboard.console.scout;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Scout pipeline status and the hot watchlist. */
@Controller
public class ScoutPageController {

    private final ScoutReader reader;

    public ScoutPageController(ScoutReader reader) {
        this.reader = reader;
    }

    @GetMapping("/console/scout")
    public String scout(Model model) {
        model.addAttribute("page", "scout");
        model.addAttribute("s", reader.read());
        return "console/scout";
    }
}
