import { notifications } from '@mantine/notifications';
import { type QueryKey, useMutation, useQueryClient } from '@tanstack/react-query';

/**
 * A mutation that tells the user what happened (a green note on success, the API's message on failure) and
 * refreshes the queries it changes.
 *
 * @example
 * const lock = useNotifyingMutation((id: string) => adminApi.lockUser(orgId, id), { success: 'User locked', invalidate: [['users']] });
 */
export function useNotifyingMutation<TInput, TResult>(
  fn: (input: TInput) => Promise<TResult>,
  options: { success: string | ((result: TResult, input: TInput) => string); invalidate?: QueryKey[] },
) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async (result, input) => {
      notifications.show({
        closeButtonProps: { 'aria-label': 'Close notification' },
        color: 'green',
        title: 'Done',
        message: typeof options.success === 'function' ? options.success(result, input) : options.success,
      });
      await Promise.all((options.invalidate ?? []).map((queryKey) => client.invalidateQueries({ queryKey })));
    },
    onError: (error) => {
      notifications.show({
        closeButtonProps: { 'aria-label': 'Close notification' },
        color: 'red',
        title: 'Not done',
        message: error instanceof Error ? error.message : String(error),
      });
    },
  });
}
