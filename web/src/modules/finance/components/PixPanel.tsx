import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Copy, QrCode } from 'lucide-react';
import { formatMoney } from '@/lib/money';
import { useCurrentUser } from '@/modules/identity/session';
import { Button } from '@/ui/Button';
import { ErrorState, Loading } from '@/ui/States';
import { usePix } from '../hooks';
import type { Id, PixCode } from '../types';

/** The server's QR (an SVG document) as an image: an <img> never runs what the SVG holds. */
export function PixQr({ pix, size = 192 }: { pix: PixCode; size?: number }) {
  return (
    <img
      src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(pix.qr_svg)}`}
      alt={`QR Code PIX de ${formatMoney(pix.amount)}`}
      width={size}
      height={size}
      className="self-center bg-white"
      data-testid="pix-qr"
    />
  );
}

/** "Pix copia e cola" with a copy button and the QR of the receivable's open amount. */
export function PixPanel({ receivableId }: { receivableId: Id }) {
  const { can } = useCurrentUser();
  const pix = usePix(receivableId);
  const [copied, setCopied] = useState(false);
  if (pix.isPending) return <Loading label="Gerando o código PIX…" />;
  if (pix.isError) return <ErrorState error={pix.error} onRetry={() => void pix.refetch()} />;
  if (!pix.data) {
    return (
      <p className="text-sm text-slate-600" data-testid="pix-not-configured">
        O PIX da oficina não está configurado.{' '}
        {can.manage_users ? (
          <Link to="/configuracoes#pix" className="text-primary underline">
            Configurar chave PIX
          </Link>
        ) : (
          'Peça ao proprietário para cadastrar a chave PIX.'
        )}
      </p>
    );
  }
  const code = pix.data.brcode;
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(code);
      setCopied(true);
      window.setTimeout(() => setCopied(false), 2500);
    } catch {
      setCopied(false);
    }
  };
  return (
    <div className="flex flex-col gap-3" data-testid="pix-panel">
      <PixQr pix={pix.data} />
      <div className="flex min-w-0 flex-col gap-2">
        <p className="flex items-center gap-1 text-sm font-medium text-slate-800">
          <QrCode className="h-4 w-4 shrink-0" aria-hidden /> PIX de {formatMoney(pix.data.amount)}{' '}
          para {pix.data.merchant_name}
        </p>
        <label className="text-sm text-slate-700" htmlFor={`pix-${receivableId}`}>
          Pix copia e cola
        </label>
        <textarea
          id={`pix-${receivableId}`}
          readOnly
          value={code}
          rows={3}
          className="w-full break-all rounded-md border border-slate-300 bg-slate-50 p-2 font-mono text-xs"
          data-testid="pix-brcode"
          onFocus={(e) => e.currentTarget.select()}
        />
        <div className="flex items-center gap-2">
          <Button
            size="sm"
            variant="secondary"
            icon={<Copy className="h-4 w-4" aria-hidden />}
            onClick={() => void copy()}
          >
            Copiar código
          </Button>
          <span role="status" className="text-xs text-green-700">
            {copied ? 'Código copiado.' : ''}
          </span>
        </div>
      </div>
    </div>
  );
}
