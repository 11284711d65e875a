import type { LucideIcon } from 'lucide-react';
import { Mail, MessageCircle, MessageSquare, Phone, Send, Store } from 'lucide-react';
import type { Channel } from '../types';

const ICONS: Record<Channel, LucideIcon> = {
  PHONE: Phone,
  IN_PERSON: Store,
  WHATSAPP: MessageCircle,
  EMAIL: Mail,
  TELEGRAM: Send,
  OTHER: MessageSquare,
};

export function ChannelIcon({ channel, className }: { channel: Channel; className?: string }) {
  const Icon = ICONS[channel] ?? MessageSquare;
  return <Icon className={className} aria-hidden />;
}
