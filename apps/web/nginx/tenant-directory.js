// njs module: merges the tenant directory entries (one <slug>.json per tenant, written by the
// platform chart or by Terraform's modules/tenant) into the document libs/tenant-directory reads.
import fs from 'fs';

const DIRECTORY = '/etc/vaccinate/tenant-directory';

function merge(files) {
  const tenants = files
    .filter((file) => /^[a-z][a-z0-9-]*\.json$/.test(file.name))
    .map((file) => JSON.parse(file.content))
    .sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
  return { version: 1, tenants };
}

function serve(r) {
  try {
    // ConfigMap volumes also hold ..data and timestamped folders; merge() keeps only entries.
    const files = fs.readdirSync(DIRECTORY).map((name) => ({
      name,
      content: /\.json$/.test(name) ? fs.readFileSync(`${DIRECTORY}/${name}`, 'utf8') : '',
    }));
    r.headersOut['Content-Type'] = 'application/json';
    r.return(200, JSON.stringify(merge(files)));
  } catch (error) {
    r.error(`tenant directory: ${error}`);
    r.return(500);
  }
}

export default { serve, merge };
