import type { FakeRequest, FakeResponse } from '../shared/http'
import { errors } from './errors'

export async function handleBatch(_req: FakeRequest, _inner: (r: FakeRequest) => FakeResponse): Promise<FakeResponse> {
  return errors.notFound()
}
