/** How many places of the queue the page shows (`?length=`), read by the route before the page's code is loaded. */
export const QUEUE_LENGTHS = [10, 20, 50, 100] as const;
