import { useQuery } from '@tanstack/react-query';
import { gatewayApi } from './api';
import { gatewayKeys } from './keys';

/** The dashboard summary (GET /overview), one request for every widget. */
export function useOverview() {
  return useQuery({ queryKey: gatewayKeys.overview(), queryFn: gatewayApi.overview });
}
