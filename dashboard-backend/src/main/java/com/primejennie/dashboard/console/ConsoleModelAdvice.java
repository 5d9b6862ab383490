package com.primejennie.dashboard.console;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every console page needs: the profit colours (configurable, red up / blue down by default) and the current
 * path for the language switch; and one error page for a request the console cannot answer.
 */
@ControllerAdvice(basePackages = "com.primejennie.dashboard.console")
public class ConsoleModelAdvice {

    private final ConsoleProperties properties;

    public ConsoleModelAdvice(ConsoleProperties properties) {
        this.properties = properties;
    }

    @ModelAttribute
    public void common(Model model, HttpServletRequest request) {
        model.addAttribute("upColor", properties.profitUpColor());
        model.addAttribute("downColor", properties.profitDownColor());
        model.addAttribute("path", request.getRequestURI());
    }

    @ExceptionHandler(IllegalArgumentException.class)
    public String badRequest(IllegalArgumentException e, Model model, HttpServletRequest request) {
        common(model, request);
        model.addAttribute("page", "");
        model.addAttribute("error", e.getMessage());
        return "console/error";
    }
}
