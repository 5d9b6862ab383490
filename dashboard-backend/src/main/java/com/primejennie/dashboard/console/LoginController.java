package com.primejennie.dashboard.console;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The console's login page (the form posts to Spring Security's {@code /login}). */
@Controller
public class LoginController {

    @GetMapping("/login")
    public String login() {
        return "console/login";
    }
}
