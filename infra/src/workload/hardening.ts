import { k8s } from 'cdk8s-plus-27';

/** One unprivileged user for every image we build (every Dockerfile under apps/ says USER 10001). */
export const RUN_AS_USER = 10001;

/** Pod-level settings that satisfy the "restricted" Pod Security Standard. */
export const hardenedPodSecurityContext: k8s.PodSecurityContext = {
  runAsNonRoot: true,
  runAsUser: RUN_AS_USER,
  runAsGroup: RUN_AS_USER,
  fsGroup: RUN_AS_USER,
  seccompProfile: { type: 'RuntimeDefault' },
};

export const hardenedContainerSecurityContext: k8s.SecurityContext = {
  runAsNonRoot: true,
  readOnlyRootFilesystem: true,
  allowPrivilegeEscalation: false,
  privileged: false,
  capabilities: { drop: ['ALL'] },
  seccompProfile: { type: 'RuntimeDefault' },
};

/** Pods never talk to the Kubernetes API, so they get no service account token. */
export function hardenedPodSpec(spec: k8s.PodSpec): k8s.PodSpec {
  return {
    automountServiceAccountToken: false,
    enableServiceLinks: false,
    securityContext: hardenedPodSecurityContext,
    ...spec,
    containers: spec.containers.map(hardenedContainer),
    initContainers: spec.initContainers?.map(hardenedContainer),
  };
}

function hardenedContainer(container: k8s.Container): k8s.Container {
  return { ...container, securityContext: hardenedContainerSecurityContext };
}

export interface ResourceValues {
  cpuRequestMillis: number;
  cpuLimitMillis: number;
  memoryRequestMebibytes: number;
  memoryLimitMebibytes: number;
}

export function resourceRequirements(resources: ResourceValues): k8s.ResourceRequirements {
  return {
    requests: {
      cpu: k8s.Quantity.fromString(`${resources.cpuRequestMillis}m`),
      memory: k8s.Quantity.fromString(`${resources.memoryRequestMebibytes}Mi`),
    },
    limits: {
      cpu: k8s.Quantity.fromString(`${resources.cpuLimitMillis}m`),
      memory: k8s.Quantity.fromString(`${resources.memoryLimitMebibytes}Mi`),
    },
  };
}

export interface ImageValues {
  repository: string;
  /** A tag, pinned with `@sha256:<digest>` by the deploy workflow. */
  tag: string;
}

export function imageReference(image: ImageValues): string {
  return `${image.repository}:${image.tag}`;
}
