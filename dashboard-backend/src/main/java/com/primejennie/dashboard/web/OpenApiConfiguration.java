package com.primejennie.dashboard.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

/** The OpenAPI document ({@code /v3/api-docs}, UI at {@code /swagger-ui.html}), declaring the bearer scheme. */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfiguration {

    @Bean
    OpenAPI dashboardOpenApi() {
        return new OpenAPI().info(new Info().title("Prime Jennie dashboard API").version("1.0.0")
                        .description("The Python suite's dashboard API, same paths and shapes; bearer JWT from "
                                + "POST /api/auth/login unless DASHBOARD_AUTH=proxy."))
                .components(new Components().addSecuritySchemes("bearer", new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }
}
