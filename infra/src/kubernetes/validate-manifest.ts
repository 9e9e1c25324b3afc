import { PrometheusRule } from '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/PrometheusRule';
import { ServiceMonitor } from '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/ServiceMonitor';
import { Deployment } from 'kubernetes-models/apps/v1/Deployment';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler';
import { Job } from 'kubernetes-models/batch/v1/Job';
import { Ingress } from 'kubernetes-models/networking.k8s.io/v1/Ingress';
import { NetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import { ConfigMap } from 'kubernetes-models/v1/ConfigMap';
import { Namespace } from 'kubernetes-models/v1/Namespace';
import { Service } from 'kubernetes-models/v1/Service';

type Validator = (manifest: unknown) => void;

// Every kind the charts may emit; an unknown kind fails the test rather than passing unchecked.
const validators: Record<string, Validator> = {
  'apps/v1/Deployment': (m) => new Deployment(m as never).validate(),
  'autoscaling/v2/HorizontalPodAutoscaler': (m) => new HorizontalPodAutoscaler(m as never).validate(),
  'batch/v1/Job': (m) => new Job(m as never).validate(),
  'networking.k8s.io/v1/Ingress': (m) => new Ingress(m as never).validate(),
  'networking.k8s.io/v1/NetworkPolicy': (m) => new NetworkPolicy(m as never).validate(),
  'policy/v1/PodDisruptionBudget': (m) => new PodDisruptionBudget(m as never).validate(),
  'v1/ConfigMap': (m) => new ConfigMap(m as never).validate(),
  'v1/Namespace': (m) => new Namespace(m as never).validate(),
  'v1/Service': (m) => new Service(m as never).validate(),
  'monitoring.coreos.com/v1/ServiceMonitor': (m) => new ServiceMonitor(m as never).validate(),
  'monitoring.coreos.com/v1/PrometheusRule': (m) => new PrometheusRule(m as never).validate(),
};

/** Throws with the object's kind and name when kubernetes-models refuses it. */
export function validateManifest(manifest: Record<string, unknown>): void {
  const key = `${String(manifest['apiVersion'])}/${String(manifest['kind'])}`;
  const validator = validators[key];
  if (!validator) throw new Error(`no kubernetes-models validator for ${key}`);
  try {
    validator(manifest);
  } catch (error) {
    const name = (manifest['metadata'] as { name?: string } | undefined)?.name;
    throw new Error(`${key} "${name}" is invalid: ${(error as Error).message}`);
  }
}
