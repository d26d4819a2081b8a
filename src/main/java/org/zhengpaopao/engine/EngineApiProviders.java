package org.zhengpaopao.engine;

import java.util.List;

/**
 * JAX-RS providers a feature adds to both doors of the engine REST ({@code /engine-rest} and the webapps'
 * {@code /camunda/api/engine}), next to {@link EngineRestErrors}'s own: a bean of this type is enough. Classes, not
 * instances, because Jersey makes the webapps' providers from their class names.
 */
public record EngineApiProviders(List<Class<?>> classes) {
}
