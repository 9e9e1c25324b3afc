import type { App, Chart } from 'cdk8s';
import type { JsonSchema } from './helm/json-schema';
import type { ValuesContext } from './helm/values-context';
import { PlatformChart } from './platform/platform-chart';
import { platformCiValues, platformDefaults, platformExample, type PlatformValues } from './platform/platform-values';
import { platformValuesSchema } from './platform/platform-values.schema';
import { TenantChart } from './tenant/tenant-chart';
import { tenantCiValues, tenantDefaults, tenantExample, type TenantValues } from './tenant/tenant-values';
import { tenantValuesSchema } from './tenant/tenant-values.schema';

export const CHART_VERSION = '0.1.0';
/** The Kubernetes versions the charts claim (cdk8s-plus-27; kubernetes-models 4.5 holds the 1.27 schemas). */
export const KUBE_VERSION = '>=1.27.0-0';

export interface ChartDefinition<V extends object> {
  name: string;
  description: string;
  defaults: V;
  /** Complete values the tests start from. */
  example: V;
  /** Written to charts/<name>/ci/<key>-values.yaml; CI lints and renders the chart with each. */
  ciValues: Record<string, V>;
  schema: JsonSchema;
  build(app: App, context: ValuesContext, values: V): Chart;
}

export const tenantChart: ChartDefinition<TenantValues> = {
  name: 'tenant',
  description: 'One tenant of the vaccination-center platform: its API, migrations, Ingress and network policies.',
  defaults: tenantDefaults,
  example: tenantExample,
  ciValues: tenantCiValues,
  schema: tenantValuesSchema,
  build: (app, context, values) => new TenantChart(app, 'tenant', context, values),
};

export const platformChart: ChartDefinition<PlatformValues> = {
  name: 'platform',
  description: 'Shared by every tenant: the web app, the tenant directory it reads and the mailer function.',
  defaults: platformDefaults,
  example: platformExample,
  ciValues: platformCiValues,
  schema: platformValuesSchema,
  build: (app, context, values) => new PlatformChart(app, 'platform', context, values),
};

// Each element keeps its own value type; the writer only needs the common shape.
export const CHARTS: ReadonlyArray<ChartDefinition<TenantValues> | ChartDefinition<PlatformValues>> = [tenantChart, platformChart];
