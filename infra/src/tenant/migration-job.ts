import { k8s } from 'cdk8s-plus-27';
import { Construct } from 'constructs';
import type { ValuesContext } from '../helm/values-context';
import { hardenedPodSpec, imageReference, resourceRequirements } from '../workload/hardening';
import { objectLabels } from '../workload/labels';
import { bootstrapEnvironment } from './api-environment';
import type { TenantValues } from './tenant-values';

/**
 * Runs before every install and upgrade (a Helm hook), so new pods never meet an old schema:
 * an init container migrates, then the main container creates the first admin if there is none.
 * Two containers rather than `sh -c "a && b"`: the runtime image has no shell.
 */
export class MigrationJob extends Construct {
  constructor(scope: Construct, id: string, values: TenantValues, context: ValuesContext) {
    super(scope, id);
    const env = bootstrapEnvironment(values, context);
    const container = (name: string, command: string): k8s.Container => ({
      name,
      image: imageReference(values.api.image),
      imagePullPolicy: 'IfNotPresent',
      args: ['dist/cli.js', command],
      env,
      resources: resourceRequirements(values.api.resources),
      volumeMounts: [{ name: 'tmp', mountPath: '/tmp' }],
    });

    new k8s.KubeJob(this, 'job', {
      metadata: {
        name: 'api-migrate',
        labels: objectLabels('migration'),
        annotations: {
          'helm.sh/hook': 'pre-install,pre-upgrade',
          'helm.sh/hook-weight': '0',
          'helm.sh/hook-delete-policy': 'before-hook-creation,hook-succeeded',
        },
      },
      spec: {
        backoffLimit: 2,
        activeDeadlineSeconds: 900,
        template: {
          metadata: { labels: objectLabels('migration') },
          spec: hardenedPodSpec({
            restartPolicy: 'Never',
            initContainers: [container('migrate', 'migrate')],
            containers: [container('bootstrap-admin', 'bootstrap-admin')],
            volumes: [{ name: 'tmp', emptyDir: { sizeLimit: k8s.Quantity.fromString('64Mi') } }],
          }),
        },
      },
    });
  }
}
