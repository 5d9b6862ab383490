package com.primejennie.commandhandler;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Telegram operator bot: commands, flags, manual buy and sell onto the streams. */
@SpringBootApplication
public class CommandHandlerApplication {

    public static void main(String[] args) {
        SpringApplication.run(CommandHandlerApplication.class, args);
    }
}
