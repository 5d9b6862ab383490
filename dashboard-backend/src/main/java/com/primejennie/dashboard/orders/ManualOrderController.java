package com.primejennie.dashboard.orders;

import java.security.Principal;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.primejennie.dashboard.web.ApiException;

/** {@code POST /api/portfolio/order}. */
@RestController
public class ManualOrderController {

    private final ManualOrderService orders;

    public ManualOrderController(ManualOrderService orders) {
        this.orders = orders;
    }

    @PostMapping("/api/portfolio/order")
    public Map<String, Object> order(@RequestBody(required = false) ManualOrderRequest body, Principal principal) {
        if (body == null) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "body must be {stock_code, quantity, price, side, "
                    + "order_type}");
        }
        // In proxy mode there is no token; the reverse proxy authenticated the person.
        return orders.place(body, principal == null ? "proxy-user" : principal.getName());
    }
}
