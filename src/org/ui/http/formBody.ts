import type { FastifyRequest } from 'fastify';

/**
 * A posted HTML form. The app keeps `application/x-www-form-urlencoded` bodies as text (the
 * OAuth endpoints parse their own), so UI routes read fields through this. Repeated names (a
 * multi-select) keep every value.
 */
export class FormBody {
  private constructor(private readonly params: URLSearchParams) {}

  static of(req: FastifyRequest): FormBody {
    const type = String(req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
    const body = typeof req.body === 'string' && type === 'application/x-www-form-urlencoded' ? req.body : '';
    return new FormBody(new URLSearchParams(body));
  }

  /** The last value of a field, as browsers send one per input. */
  get(name: string): string | undefined {
    const all = this.params.getAll(name);
    return all.length > 0 ? all[all.length - 1] : undefined;
  }

  getAll(name: string): string[] {
    return this.params.getAll(name);
  }

  has(name: string): boolean {
    return this.params.has(name);
  }
}
