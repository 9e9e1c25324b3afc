/**
 * Selector labels are fixed strings, never derived from construct paths or generated hashes:
 * renaming a construct must not change a selector, since Kubernetes refuses to change a
 * Deployment's selector in place.
 */
export const PART_OF = 'vaccinate';

export type Component = 'api' | 'certificates' | 'mailer' | 'migration' | 'web';

export function selectorLabels(component: Component): Record<string, string> {
  return { 'app.kubernetes.io/name': `vaccinate-${component}`, 'app.kubernetes.io/component': component };
}

export function objectLabels(component: Component): Record<string, string> {
  return { ...selectorLabels(component), 'app.kubernetes.io/part-of': PART_OF };
}

/** Labels the ingress-nginx controller pods and namespace carry (official chart). */
export const INGRESS_CONTROLLER_POD_LABELS = { 'app.kubernetes.io/name': 'ingress-nginx' };
export const NAMESPACE_NAME_LABEL = 'kubernetes.io/metadata.name';

/**
 * Every tenant namespace carries it (value: the slug), set by Terraform and by the tenant chart's
 * optional Namespace; the platform's functions admit callers from namespaces that have it.
 */
export const TENANT_NAMESPACE_LABEL = 'vaccinate.io/tenant';

/** Pods of the platform's functions (certificates, mailer) that a tenant's API may call. */
export const PLATFORM_FUNCTION_LABELS = { 'vaccinate.io/platform-function': 'true' };
export const PLATFORM_FUNCTION_PORT = 8080;
