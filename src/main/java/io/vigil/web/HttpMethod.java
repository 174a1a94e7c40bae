package io.vigil.web;

import io.javalin.http.HandlerType;

/** The HTTP methods routes use, mapped onto Javalin's handler types. */
public enum HttpMethod {
    GET(HandlerType.GET), HEAD(HandlerType.HEAD), POST(HandlerType.POST), PUT(HandlerType.PUT),
    DELETE(HandlerType.DELETE), PATCH(HandlerType.PATCH);

    private final HandlerType handlerType;

    HttpMethod(HandlerType handlerType) {
        this.handlerType = handlerType;
    }

    HandlerType handlerType() {
        return handlerType;
    }
}
