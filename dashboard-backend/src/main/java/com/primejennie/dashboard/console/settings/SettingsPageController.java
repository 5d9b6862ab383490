package com.primejennie.dashboard.console.settings;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.primejennie.dashboard.config.ConfigService;
import com.primejennie.shared.settings.ResolvedSetting;
import com.primejennie.shared.settings.RuntimeSettings;
import com.primejennie.shared.settings.SettingKey;

/**
 * The runtime settings registry by category. A new value goes through the API's {@link ConfigService} (the same path
 * as {@code PUT /api/config/{key}}): checked against the key's type, then written to {@code CONFIG}; a bad value is
 * shown next to the key and nothing is stored. Sensitive keys are listed masked and cannot be edited here.
 */
@Controller
public class SettingsPageController {

    private final RuntimeSettings settings;
    private final ConfigService configService;

    public SettingsPageController(RuntimeSettings settings, ConfigService configService) {
        this.settings = settings;
        this.configService = configService;
    }

    @GetMapping("/console/settings")
    public String settings(Model model) {
        model.addAttribute("page", "settings");
        model.addAttribute("categories", byCategory());
        return "console/settings";
    }

    @PostMapping("/console/settings/{key}")
    public String update(@PathVariable String key, @RequestParam String value, Model model,
                         RedirectAttributes redirect) {
        Map<String, Object> item;
        try {
            item = configService.update(key, value, null);
        } catch (RuntimeException e) {
            model.addAttribute("page", "settings");
            model.addAttribute("categories", byCategory());
            model.addAttribute("errorKey", key);
            model.addAttribute("errorValue", value);
            model.addAttribute("error", e.getMessage());
            return "console/settings";
        }
        Object normalised = item.get("value");
        redirect.addFlashAttribute("notice", key + " = " + normalised);
        return "redirect:/console/settings#" + key;
    }

    private Map<String, List<ResolvedSetting>> byCategory() {
        Map<String, List<ResolvedSetting>> out = new TreeMap<>();
        for (SettingKey<?> key : settings.registry().keys()) {
            ResolvedSetting r;
            try {
                r = settings.resolve(key.name());
            } catch (RuntimeException e) {
                r = new ResolvedSetting(key.name(), key.type().pythonName(), key.category(), key.dbPriority(),
                        key.sensitive(), "?", "error: " + e.getMessage(), null, null, null, key.description());
            }
            out.computeIfAbsent(key.category(), c -> new ArrayList<>()).add(r);
        }
        Map<String, List<ResolvedSetting>> sorted = new LinkedHashMap<>();
        out.forEach((c, list) -> {
            list.sort((a, b) -> a.key().compareTo(b.key()));
            sorted.put(c, list);
        });
        return sorted;
    }
}
