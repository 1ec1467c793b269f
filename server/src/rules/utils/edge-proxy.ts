import { familiesOfImage, type ServiceFamily } from '../../formats/compose/catalog';
import { resolveInterpolation, type Lookup } from '../../formats/compose/interpolation';
import type { PublishedPort } from '../../formats/compose/resolve';
import type { Service } from '../../formats/compose/model';

/**
 * Names a proxy goes by, besides a proxy's own name (`traefik`, `nginx`); the name counts only for a
 * service that serves HTTP or HTTPS.
 */
const EDGE_NAME =
  /^(?:(?:reverse|front|frontend)[-_]?)?proxy$|^(?:gateway|api[-_]?gateway|ingress|edge|lb|load[-_]?balancer)$/i;

/**
 * Whether a service is the edge proxy of its file, the one way in that other services sit behind:
 * it publishes ports and its image is a proxy's, or it serves HTTP(S) under a proxy's name.
 * `families` are the catalog's families of its image, `.env` values filled in.
 */
export function isEdgeProxy(
  service: Service,
  ports: readonly PublishedPort[],
  families: readonly ServiceFamily[],
): boolean {
  return (
    ports.length > 0 &&
    (families.some((family) => family.edge) ||
      (ports.some((port) => /^(?:80|443|8080|8443)$/.test(port.target)) &&
        (EDGE_NAME.test(service.name) || familiesOfImage(service.name).some((family) => family.edge))))
  );
}

/** The catalog's families of a service's image, `.env` values filled in. */
export function imageFamilies(service: Service, lookup: Lookup): readonly ServiceFamily[] {
  const image = service.image ? resolveInterpolation(service.image.value, lookup).value : undefined;
  return image ? familiesOfImage(image) : [];
}
